import { setTenantQuota } from "@berth/core/quotas/tenant-quota";
import { platformAdminProcedure } from "../../trpc";
import { ZSetTenantQuotaInput, ZTenantQuotaOutput } from "./tenant-quota.schema";

export const setTenantQuotaProcedure = platformAdminProcedure
  .input(ZSetTenantQuotaInput)
  .output(ZTenantQuotaOutput)
  .mutation(({ ctx, input }) => setTenantQuota(ctx.db, input));
