import { router } from "../../trpc";
import { createAppProcedure } from "./create-app";
import { destroyAppProcedure } from "./destroy-app";
import { getAppInfoProcedure } from "./get-app-info";
import { listAppsProcedure } from "./list-apps";

export const appsRouter = router({
  create: createAppProcedure,
  list: listAppsProcedure,
  info: getAppInfoProcedure,
  destroy: destroyAppProcedure,
});
