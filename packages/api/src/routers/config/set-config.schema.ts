import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

/** Keys and values are validated by the service (one set of rules for every caller). */
export const ZSetConfigInput = z.object({
  tenant: ZTenantName,
  app: ZAppName,
  set: z.record(z.string(), z.string()).default({}),
  unset: z.array(z.string()).max(500).default([]),
});
export type TSetConfigInput = z.infer<typeof ZSetConfigInput>;

export const ZSetConfigOutput = z.object({
  deploymentId: z.string().nullable(),
  description: z.string(),
  changed: z.boolean(),
  keys: z.array(z.string()),
});
export type TSetConfigOutput = z.infer<typeof ZSetConfigOutput>;
