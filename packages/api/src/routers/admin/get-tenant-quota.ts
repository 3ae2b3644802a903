import { getTenantQuota } from "@berth/core/quotas/tenant-quota";
import { platformAdminProcedure } from "../../trpc";
import { ZGetTenantQuotaInput, ZTenantQuotaOutput } from "./tenant-quota.schema";

export const getTenantQuotaProcedure = platformAdminProcedure
  .input(ZGetTenantQuotaInput)
  .output(ZTenantQuotaOutput)
  .query(({ ctx, input }) => getTenantQuota(ctx.db, input));
