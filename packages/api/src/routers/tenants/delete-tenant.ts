import { deleteTenant } from "@berth/core/tenants/delete-tenant";
import { signedInProcedure } from "../../trpc";
import { ZDeleteTenantInput, ZDeleteTenantOutput } from "./delete-tenant.schema";

export const deleteTenantProcedure = signedInProcedure
  .input(ZDeleteTenantInput)
  .output(ZDeleteTenantOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteTenant(ctx.db, { userId: ctx.user.id, tenant: input.tenant });
    return { deleted: true as const };
  });
