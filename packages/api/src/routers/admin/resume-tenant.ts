import { resumeTenant } from "@berth/core/admin/suspend-tenant";
import { platformAdminProcedure } from "../../trpc";
import { ZResumeTenantInput, ZTenantSuspensionOutput } from "./tenants.schema";

export const resumeTenantProcedure = platformAdminProcedure
  .input(ZResumeTenantInput)
  .output(ZTenantSuspensionOutput)
  .mutation(({ ctx, input }) => resumeTenant(ctx, input));
