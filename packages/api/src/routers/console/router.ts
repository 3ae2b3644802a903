import { router } from "../../trpc";
import { getAppOverviewProcedure } from "./get-app-overview";
import { getDeploymentProcedure } from "./get-deployment";
import { listAppStatusesProcedure } from "./list-app-statuses";
import { listDeploymentsProcedure } from "./list-deployments";

/** Read models the web console's pages need (one call per page section); all read-only. */
export const consoleRouter = router({
  apps: listAppStatusesProcedure,
  app: getAppOverviewProcedure,
  deployments: listDeploymentsProcedure,
  deployment: getDeploymentProcedure,
});
