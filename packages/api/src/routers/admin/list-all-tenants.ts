import { listAllTenants } from "@berth/core/admin/list-all-tenants";
import { platformAdminProcedure } from "../../trpc";
import { ZListAllTenantsOutput } from "./tenants.schema";

export const listAllTenantsProcedure = platformAdminProcedure.output(ZListAllTenantsOutput).query(({ ctx }) => listAllTenants(ctx.db));
