import { PROVIDERS, type BuildSettings } from "@berth/builder/build-settings";
import { z } from "zod";

const command = z.string().trim().min(1).max(2000);
const relativePath = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), "must be a relative path inside the repository");

/** App.buildSettings as stored and as accepted from users; unknown keys are refused, not dropped. */
export const ZBuildSettings = z.strictObject({
  builder: z.enum(PROVIDERS).optional(),
  buildDir: relativePath.optional(),
  dockerfilePath: relativePath.optional(),
  installCommand: command.optional(),
  buildCommand: command.optional(),
  startCommand: command.optional(),
  buildSecrets: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a config var name"))
    .max(50)
    .optional(),
}) satisfies z.ZodType<BuildSettings>;

/** A stored value read leniently: a row written by an older Berth never stops a build. */
export function parseStoredBuildSettings(value: unknown): BuildSettings {
  const parsed = ZBuildSettings.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}
