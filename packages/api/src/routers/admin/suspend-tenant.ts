import { suspendTenant } from "@berth/core/admin/suspend-tenant";
import { platformAdminProcedure } from "../../trpc";
import { ZSuspendTenantInput, ZTenantSuspensionOutput } from "./tenants.schema";

export const suspendTenantProcedure = platformAdminProcedure
  .input(ZSuspendTenantInput)
  .output(ZTenantSuspensionOutput)
  .mutation(({ ctx, input }) => suspendTenant(ctx, input));
