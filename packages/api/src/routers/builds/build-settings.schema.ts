import { ZBuildSettings } from "@berth/core/builds/build-settings-schema";
import { z } from "zod";
import { ZAppRefInput } from "../apps/app-ref.schema";

export const ZGetBuildSettingsInput = ZAppRefInput;
export const ZBuildSettingsOutput = ZBuildSettings;
export type TBuildSettingsOutput = z.infer<typeof ZBuildSettingsOutput>;

/** Values are checked by the service against the one schema, so every caller gets the same words. */
export const ZSetBuildSettingsInput = ZAppRefInput.extend({
  set: z.record(z.string(), z.unknown()).default({}),
  unset: z.array(ZBuildSettings.keyof()).max(20).default([]),
});
export type TSetBuildSettingsInput = z.infer<typeof ZSetBuildSettingsInput>;
