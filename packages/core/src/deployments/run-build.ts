import { rm } from "node:fs/promises";
import type { PipelineDeps } from "./deployment-deps";
import { buildDeploymentImage } from "./build-deployment-image";
import { DeploymentLog } from "./deployment-log";
import { advanceDeployment } from "./deployment-transitions";
import { concludeFailure } from "./conclude-failure";
import { loadDeployment } from "./load-deployment";

/**
 * deploy.build: `received` → `building`, detects how to build the pushed tree, builds the image
 * (output streamed into the deployment's log) and hands over to deploy.release. Idempotent: a
 * deployment no longer `received` is left alone.
 */
export async function runBuild(deps: PipelineDeps, deploymentId: string): Promise<"built" | "failed" | "skipped"> {
  const deployment = await loadDeployment(deps.db, deploymentId);
  if (!deployment || deployment.kind !== "build" || !deployment.sourceArchive || !deployment.commitSha) return "skipped";
  if (!(await advanceDeployment(deps.db, deploymentId, ["received"], "building"))) return "skipped";

  const log = new DeploymentLog(deps.db, deploymentId);
  try {
    await buildDeploymentImage(deps, deployment, log);
    await log.flush();
    await deps.enqueueRelease(deploymentId);
    return "built";
  } catch (err) {
    await concludeFailure(deps, deployment, log, err, { serviceTouched: false });
    return "failed";
  } finally {
    // The image now holds the source (or the build failed for good: deployments are not retried),
    // so the pushed tree is not kept: disks must not fill up with every push ever made.
    await rm(deployment.sourceArchive, { force: true });
  }
}
