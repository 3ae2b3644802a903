import { getBuildSettings } from "@berth/core/builds/build-settings";
import { signedInProcedure } from "../../trpc";
import { ZBuildSettingsOutput, ZGetBuildSettingsInput } from "./build-settings.schema";

export const getBuildSettingsProcedure = signedInProcedure
  .input(ZGetBuildSettingsInput)
  .output(ZBuildSettingsOutput)
  .query(({ ctx, input }) => getBuildSettings(ctx, { userId: ctx.user.id, ...input }));
