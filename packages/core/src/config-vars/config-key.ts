import { z } from "zod";

/** Berth sets PORT itself (the port the router sends traffic to); an app overriding it would stop answering. */
export const RESERVED_CONFIG_KEYS: readonly string[] = ["PORT"];

export const ZConfigKey = z
  .string()
  .min(1, "A config key cannot be empty.")
  .max(200, "A config key may have at most 200 characters.")
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Config keys are letters, digits and underscores, not starting with a digit.")
  .refine((key) => !RESERVED_CONFIG_KEYS.includes(key), { message: "PORT is reserved: Berth sets it for the app." });

/** Values end up in a container's environment, where a NUL byte cannot be represented. */
export const ZConfigValue = z.string().max(32 * 1024, "A config value may have at most 32 KiB.").refine((v) => !v.includes("\0"), {
  message: "A config value cannot contain a NUL byte.",
});
