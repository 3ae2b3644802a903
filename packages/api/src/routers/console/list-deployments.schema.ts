import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZListDeploymentsInput = z.object({
  tenant: ZTenantName,
  app: ZAppName,
  limit: z.number().int().min(1).max(100).default(30),
  /** A deployment id: list the ones older than it. */
  before: z.string().max(100).nullish(),
});
export type TListDeploymentsInput = z.infer<typeof ZListDeploymentsInput>;

/** What a deployment row shows everywhere the console lists or opens one. */
export const ZDeploymentSummary = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  description: z.string(),
  commitSha: z.string().nullable(),
  failureReason: z.string().nullable(),
  releaseVersion: z.number().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const ZListDeploymentsOutput = z.array(ZDeploymentSummary.extend({ createdBy: z.string().nullable() }));
export type TListDeploymentsOutput = z.infer<typeof ZListDeploymentsOutput>;
