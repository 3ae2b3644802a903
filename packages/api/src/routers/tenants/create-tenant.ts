import { createTenant } from "@berth/core/tenants/create-tenant";
import { signedInProcedure } from "../../trpc";
import { ZCreateTenantInput, ZCreateTenantOutput } from "./create-tenant.schema";

export const createTenantProcedure = signedInProcedure
  .input(ZCreateTenantInput)
  .output(ZCreateTenantOutput)
  .mutation(async ({ ctx, input }) => {
    const { name } = await createTenant(ctx.db, { userId: ctx.user.id, name: input.name });
    return { name };
  });
