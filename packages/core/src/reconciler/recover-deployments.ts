import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { endDeployment, TERMINAL_STATUSES } from "../deployments/deployment-transitions";
import { dispatchNextDeployment } from "../deployments/dispatch-next-deployment";
import { ensureDeploymentJob } from "../deployments/enqueue-deployment-job";

export interface RecoveryReport {
  /** Builds whose job was missing (lost with Redis) or whose worker died: queued again. */
  builds: string[];
  /** Apps whose next rollout was (re)started. */
  rollouts: string[];
  /** Waiting deployments whose cancel request nobody acted on, ended. */
  cancelled: string[];
}

/**
 * Makes sure no deployment of this queue prefix waits for something that will never happen: a build
 * whose job is gone (Redis lost it) or whose worker died gets its job again; the head of each app's
 * line whose rollout is due (or whose worker died) gets its rollout job. The jobs themselves decide,
 * under the lease, whether to resume or give up. Run at worker start-up and periodically.
 */
export async function recoverDeployments(deps: { db: DbClient; config: Pick<BerthConfig, "redis" | "deploys"> }, queuePrefix: string): Promise<RecoveryReport> {
  const report: RecoveryReport = { builds: [], rollouts: [], cancelled: [] };
  const now = new Date();
  // Only rows untouched for a lease period: a deployment just created or just handed over has its
  // job on the way, and whoever created it (a push, a test driving the steps itself) must get it first.
  const quietSince = new Date(now.getTime() - deps.config.deploys.leaseMs);
  const open = await deps.db.deployment.findMany({
    where: {
      queuePrefix,
      status: { notIn: TERMINAL_STATUSES },
      updatedAt: { lt: quietSince },
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
    },
    select: { id: true, appId: true, kind: true, status: true, cancelRequestedAt: true, leaseOwner: true, recoveries: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const apps = new Set<string>();
  for (const d of open) {
    if (d.cancelRequestedAt && (d.status === "received" || d.status === "queued")) {
      if (await endDeployment(deps.db, d.id, "cancelled", "Cancelled on request.")) report.cancelled.push(d.id);
      apps.add(d.appId);
      continue;
    }
    if (d.kind === "build" && (d.status === "received" || d.status === "building")) {
      const recovery = d.status === "building" && d.leaseOwner ? { recovery: d.recoveries + 1 } : {};
      if (await ensureDeploymentJob({ ...deps, queuePrefix }, "deploy.build", d.id, recovery)) report.builds.push(d.id);
      continue;
    }
    apps.add(d.appId);
  }
  for (const appId of apps) {
    const id = await dispatchNextDeployment(deps, appId);
    if (id) report.rollouts.push(id);
  }
  return report;
}
