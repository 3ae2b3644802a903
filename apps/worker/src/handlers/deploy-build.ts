import { runBuild } from "@berth/core/deployments/run-build";
import type { JobPayload } from "@berth/queue/catalog";
import type { HandlerContext } from "./context";

/** Builds the deployment's image; the pipeline itself lives in core, guarded by the row's state. */
export async function handleDeployBuild(payload: JobPayload<"deploy.build">, ctx: HandlerContext): Promise<string> {
  return runBuild(ctx, payload.deploymentId);
}
