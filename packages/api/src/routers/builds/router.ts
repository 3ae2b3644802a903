import { router } from "../../trpc";
import { getBuildSettingsProcedure } from "./get-build-settings";
import { setBuildSettingsProcedure } from "./set-build-settings";

/** How an app is built: overrides of source detection, applied from the next push. */
export const buildsRouter = router({
  settings: getBuildSettingsProcedure,
  setSettings: setBuildSettingsProcedure,
});
