import { z } from "zod";

export { ZAppRefInput as ZGetAppInfoInput, type TAppRefInput as TGetAppInfoInput } from "./app-ref.schema";

export const ZGetAppInfoOutput = z.object({
  name: z.string(),
  tenant: z.string(),
  gitUrl: z.string(),
  webUrl: z.string(),
  createdAt: z.date(),
  currentRelease: z
    .object({
      version: z.number(),
      kind: z.string(),
      status: z.string(),
      imageDigest: z.string(),
      description: z.string(),
      createdAt: z.date(),
    })
    .nullable(),
  latestDeployment: z
    .object({ id: z.string(), status: z.string(), description: z.string(), failureReason: z.string().nullable(), createdAt: z.date() })
    .nullable(),
  state: z.enum(["not-deployed", "running", "stopped", "crashed"]).describe("crashed: instances keep dying (see processes.list)"),
  crash: z.object({ at: z.date(), reason: z.string() }).nullable(),
});
export type TGetAppInfoOutput = z.infer<typeof ZGetAppInfoOutput>;
