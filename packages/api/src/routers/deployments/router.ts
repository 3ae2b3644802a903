import { router } from "../../trpc";
import { getProgressProcedure } from "./get-progress";

export const deploymentsRouter = router({
  progress: getProgressProcedure,
});
