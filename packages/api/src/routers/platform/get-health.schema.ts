import { z } from "zod";

export const ZComponentHealth = z.object({
  name: z.enum(["postgres", "redis", "docker", "registry", "router"]),
  label: z.string(),
  ok: z.boolean(),
  reason: z.string(),
  latencyMs: z.number(),
});

export const ZGetHealthOutput = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  components: z.array(ZComponentHealth),
  worker: z.object({ lastSeenAt: z.string().nullable() }),
});
export type TGetHealthOutput = z.infer<typeof ZGetHealthOutput>;
