import { runRelease } from "@berth/core/deployments/run-release";
import type { JobPayload } from "@berth/queue/catalog";
import type { HandlerContext } from "./context";

/** Releases and deploys the deployment; the pipeline itself lives in core, guarded by the row's state. */
export async function handleDeployRelease(payload: JobPayload<"deploy.release">, ctx: HandlerContext): Promise<string> {
  return runRelease(ctx, payload.deploymentId);
}
