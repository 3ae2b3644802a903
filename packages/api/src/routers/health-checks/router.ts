import { router } from "../../trpc";
import { listHealthChecksProcedure } from "./list-health-checks";
import { setHealthCheckProcedure } from "./set-health-check";

export const healthChecksRouter = router({
  list: listHealthChecksProcedure,
  set: setHealthCheckProcedure,
});
