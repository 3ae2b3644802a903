import { router } from "../../trpc";
import { listProcessesProcedure } from "./list-processes";
import { restartProcedure } from "./restart";
import { scaleProcedure } from "./scale";
import { startProcedure } from "./start";
import { stopProcedure } from "./stop";

/** The app's running processes: what `berth ps/scale/restart/stop/start` and the console call. */
export const processesRouter = router({
  list: listProcessesProcedure,
  scale: scaleProcedure,
  restart: restartProcedure,
  stop: stopProcedure,
  start: startProcedure,
});
