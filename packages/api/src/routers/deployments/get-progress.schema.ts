import { z } from "zod";

export const ZGetProgressInput = z.object({ deploymentId: z.string().min(1).max(100), afterSeq: z.number().int().min(0).max(2_147_483_647).default(0) });
export type TGetProgressInput = z.infer<typeof ZGetProgressInput>;

export const ZGetProgressOutput = z.object({
  lines: z.array(z.object({ seq: z.number(), line: z.string() })),
  status: z.enum(["received", "building", "queued", "pushing", "releasing", "deploying", "live", "failed", "cancelled"]),
  failureReason: z.string().nullable(),
  releaseVersion: z.number().nullable(),
});
export type TGetProgressOutput = z.infer<typeof ZGetProgressOutput>;
