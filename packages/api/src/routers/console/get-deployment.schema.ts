import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZGetDeploymentInput = z.object({ tenant: ZTenantName, app: ZAppName, deploymentId: z.string().min(1).max(100) });
export type TGetDeploymentInput = z.infer<typeof ZGetDeploymentInput>;

export const ZGetDeploymentOutput = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  description: z.string(),
  commitSha: z.string().nullable(),
  failureReason: z.string().nullable(),
  releaseVersion: z.number().nullable(),
  buildPlan: z.unknown(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type TGetDeploymentOutput = z.infer<typeof ZGetDeploymentOutput>;
