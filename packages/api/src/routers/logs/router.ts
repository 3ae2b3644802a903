import { router } from "../../trpc";
import { readLogsProcedure } from "./read-logs";

export const logsRouter = router({
  read: readLogsProcedure,
});
