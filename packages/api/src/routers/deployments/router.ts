import { router } from "../../trpc";
import { cancelDeploymentProcedure } from "./cancel";
import { getProgressProcedure } from "./get-progress";
import { listDeploymentsProcedure } from "./list";

export const deploymentsRouter = router({
  progress: getProgressProcedure,
  list: listDeploymentsProcedure,
  cancel: cancelDeploymentProcedure,
});
