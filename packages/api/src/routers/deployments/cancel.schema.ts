import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZCancelDeploymentInput = z.object({
  tenant: ZTenantName,
  app: ZAppName,
  /** Left out: the app's deployment in progress. */
  deploymentId: z.string().min(1).max(100).nullish(),
});
export type TCancelDeploymentInput = z.infer<typeof ZCancelDeploymentInput>;

export const ZCancelDeploymentOutput = z.object({ deploymentId: z.string(), status: z.string() });
export type TCancelDeploymentOutput = z.infer<typeof ZCancelDeploymentOutput>;
