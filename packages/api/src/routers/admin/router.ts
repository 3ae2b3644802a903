import { router } from "../../trpc";
import { getTenantQuotaProcedure } from "./get-tenant-quota";
import { setTenantQuotaProcedure } from "./set-tenant-quota";

/** Platform administration (platform admins only). */
export const adminRouter = router({
  getTenantQuota: getTenantQuotaProcedure,
  setTenantQuota: setTenantQuotaProcedure,
});
