import { router } from "../../trpc";
import { getTenantQuotaProcedure } from "./get-tenant-quota";
import { listFailedJobsProcedure } from "./list-failed-jobs";
import { listNodesProcedure } from "./list-nodes";
import { listQueuesProcedure } from "./list-queues";
import { registryUsageProcedure } from "./registry-usage";
import { retryJobProcedure } from "./retry-job";
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
  nodes: listNodesProcedure,
  queues: listQueuesProcedure,
  failedJobs: listFailedJobsProcedure,
  retryJob: retryJobProcedure,
  registry: registryUsageProcedure,
});
