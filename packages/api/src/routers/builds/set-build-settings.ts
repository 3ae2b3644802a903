import { setBuildSettings, type SetBuildSettingsInput } from "@berth/core/builds/build-settings";
import { signedInProcedure } from "../../trpc";
import { ZBuildSettingsOutput, ZSetBuildSettingsInput } from "./build-settings.schema";

export const setBuildSettingsProcedure = signedInProcedure
  .input(ZSetBuildSettingsInput)
  .output(ZBuildSettingsOutput)
  .mutation(({ ctx, input }) => setBuildSettings(ctx, { userId: ctx.user.id, tenant: input.tenant, app: input.app, set: input.set as SetBuildSettingsInput["set"], unset: input.unset }));
