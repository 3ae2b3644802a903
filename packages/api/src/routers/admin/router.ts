import { router } from "../../trpc";
import { getTenantQuotaProcedure } from "./get-tenant-quota";
import { listAllTenantsProcedure } from "./list-all-tenants";
import { resumeTenantProcedure } from "./resume-tenant";
import { setTenantQuotaProcedure } from "./set-tenant-quota";
import { suspendTenantProcedure } from "./suspend-tenant";

/** Platform administration (platform admins only). */
export const adminRouter = router({
  getTenantQuota: getTenantQuotaProcedure,
  setTenantQuota: setTenantQuotaProcedure,
  listTenants: listAllTenantsProcedure,
  suspendTenant: suspendTenantProcedure,
  resumeTenant: resumeTenantProcedure,
});
