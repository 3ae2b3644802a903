import { z } from "zod";

export { ZAppRefInput as ZListProcessesInput } from "../apps/app-ref.schema";

export const ZInstance = z.object({
  id: z.string(),
  state: z.string().describe("Swarm's task state: running, starting (not yet healthy), preparing, failed, …"),
  health: z.string().describe("healthy, unhealthy, starting, or none"),
  releaseVersion: z.number().nullable(),
  startedAt: z.date().nullable(),
  error: z.string().nullable(),
});

export const ZProcess = z.object({
  type: z.string(),
  command: z.string().nullable().describe("The Procfile command; null runs the image's own command"),
  routed: z.boolean(),
  quantity: z.number(),
  cpu: z.number().nullable(),
  memoryMb: z.number().nullable(),
  instances: z.array(ZInstance),
});

export const ZListProcessesOutput = z.object({
  state: z.enum(["not-deployed", "running", "stopped", "crashed"]),
  releaseVersion: z.number().nullable(),
  crash: z.object({ at: z.date(), reason: z.string() }).nullable(),
  processes: z.array(ZProcess),
});
export type TListProcessesOutput = z.infer<typeof ZListProcessesOutput>;
