import { router } from "../../trpc";
import { listConfigProcedure } from "./list-config";
import { setConfigProcedure } from "./set-config";

export const configRouter = router({
  list: listConfigProcedure,
  set: setConfigProcedure,
});
