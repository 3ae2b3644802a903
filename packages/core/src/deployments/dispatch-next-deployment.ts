import type { DbClient } from "@berth/db/client";
import type { BerthConfig } from "@berth/config/config";
import { ensureDeploymentJob } from "./enqueue-deployment-job";
import { AppError } from "../errors/app-error";
import { failDeployment, TERMINAL_STATUSES } from "./deployment-transitions";

/**
 * Starts the rollout of the app's next deployment when it is its turn: the app's oldest unfinished
 * deployment (push order), once it is ready to release (built, or a config change / rollback) and no
 * live worker holds it, or when its rollout's worker died. Called whenever a deployment of the app is created, built or ended, and by
 * recovery; safe to call any number of times (the job id is deterministic, the claim is guarded).
 * Returns the id of the deployment whose rollout job was added now, or null.
 */
export async function dispatchNextDeployment(deps: { db: DbClient; config: Pick<BerthConfig, "redis"> }, appId: string): Promise<string | null> {
  const head = await deps.db.deployment.findFirst({
    where: { appId, status: { notIn: TERMINAL_STATUSES } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, status: true, leaseOwner: true, leaseExpiresAt: true, queuePrefix: true, recoveries: true },
  });
  if (!head) return null;
  const ready = head.kind === "build" ? head.status === "queued" : head.status === "received";
  // A rollout whose worker died (its lease ran out) is taken up again by the same job.
  const orphaned = ["pushing", "releasing", "deploying"].includes(head.status);
  const leased = head.leaseOwner !== null && head.leaseExpiresAt !== null && head.leaseExpiresAt > new Date();
  if (!(ready || orphaned) || leased) return null;
  const recovery = orphaned && head.leaseOwner ? { recovery: head.recoveries + 1 } : {};
  const added = await ensureDeploymentJob({ db: deps.db, config: deps.config, queuePrefix: head.queuePrefix }, "deploy.release", head.id, recovery);
  return added ? head.id : null;
}

/**
 * dispatchNextDeployment for a caller that just recorded `deploymentId` and is waiting for an
 * answer: when Redis refuses, that deployment is marked failed (nobody would ever start it) and
 * UNAVAILABLE is thrown.
 */
export async function dispatchAfterCreate(deps: { db: DbClient; config: Pick<BerthConfig, "redis"> }, appId: string, deploymentId: string): Promise<void> {
  try {
    await dispatchNextDeployment(deps, appId);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    await failDeployment(deps.db, deploymentId, `The job queue (Redis) did not accept the deploy.release job: ${detail}`);
    throw new AppError("UNAVAILABLE", {
      message: `Dispatching deployment ${deploymentId} failed: ${detail}`,
      userMessage: "The deployment could not be queued because the job queue is not answering. Nothing was changed; try again shortly.",
      cause: err,
    });
  }
}
