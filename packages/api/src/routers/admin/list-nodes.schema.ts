import { z } from "zod";

export const ZListNodesOutput = z.array(
  z.object({
    id: z.string(),
    hostname: z.string(),
    role: z.string(),
    state: z.string(),
    availability: z.string(),
    leader: z.boolean(),
    address: z.string().nullable(),
    engineVersion: z.string().nullable(),
    labels: z.record(z.string(), z.string()),
    cpus: z.number(),
    memoryBytes: z.number(),
    disk: z.object({ path: z.string(), totalBytes: z.number(), freeBytes: z.number() }).nullable(),
    runningTasks: z.number(),
  }),
);
export type TListNodesOutput = z.infer<typeof ZListNodesOutput>;
