import { listTenants } from "@berth/core/tenants/list-tenants";
import { signedInProcedure } from "../../trpc";
import { ZListTenantsOutput } from "./list-tenants.schema";

export const listTenantsProcedure = signedInProcedure.output(ZListTenantsOutput).query(({ ctx }) => listTenants(ctx.db, { userId: ctx.user.id }));
