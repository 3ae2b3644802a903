import { router } from "../../trpc";
import { getHealthProcedure } from "./get-health";

export const platformRouter = router({
  getHealth: getHealthProcedure,
});
