import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";
import { ZDeploymentSummary } from "./list-deployments.schema";

export const ZGetDeploymentInput = z.object({ tenant: ZTenantName, app: ZAppName, deploymentId: z.string().min(1).max(100) });
export type TGetDeploymentInput = z.infer<typeof ZGetDeploymentInput>;

export const ZGetDeploymentOutput = ZDeploymentSummary.extend({ buildPlan: z.unknown() });
export type TGetDeploymentOutput = z.infer<typeof ZGetDeploymentOutput>;
