import { z } from "zod";

export const ZRegistryUsageOutput = z.object({
  repositories: z.array(z.object({ repository: z.string(), tags: z.array(z.string()), bytes: z.number() })),
  totalBytes: z.number(),
});
export type TRegistryUsageOutput = z.infer<typeof ZRegistryUsageOutput>;
