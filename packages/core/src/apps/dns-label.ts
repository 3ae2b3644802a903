import { z } from "zod";

/**
 * Tenant and app names become DNS labels (<app>.<tenant>.<base domain>) and Docker names, so they
 * are lower-case letters, digits and inner hyphens, 1 to 30 characters (leaving room in a 63-char label).
 */
export const ZDnsLabel = z
  .string()
  .min(1, "A name needs at least one character.")
  .max(30, "A name may have at most 30 characters.")
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.");
