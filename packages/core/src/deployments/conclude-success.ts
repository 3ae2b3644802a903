import { withTransaction } from "@berth/db/client";
import { appUrl } from "../apps/app-url";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentFailure } from "./deployment-failure";
import type { DeploymentLog } from "./deployment-log";
import type { LoadedDeployment } from "./load-deployment";

/**
 * Records that the release serves: it becomes live and the app's current release, the one before
 * it is superseded, the deployment is live. All in one transaction, guarded by the deployment still
 * being `deploying`. The log line with the URL is written first, so it is there when readers see `live`.
 */
export async function concludeSuccess(deps: PipelineDeps, deployment: LoadedDeployment, log: DeploymentLog, release: { id: string; version: number }): Promise<void> {
  const { app } = deployment;
  log.line(`Release v${release.version} is live at ${appUrl(deps.config, app.tenant.name, app.name)}`);
  await log.flush();
  await withTransaction(deps.db, async (tx) => {
    const moved = await tx.deployment.updateMany({
      where: { id: deployment.id, status: "deploying" },
      data: { status: "live", finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null, stepDeadlineAt: null },
    });
    if (moved.count !== 1) throw new DeploymentFailure("The deployment changed state while it was being deployed.");
    await tx.release.updateMany({ where: { appId: app.id, status: "live", id: { not: release.id } }, data: { status: "superseded" } });
    await tx.release.update({ where: { id: release.id }, data: { status: "live" } });
    await tx.app.update({ where: { id: app.id }, data: { currentReleaseId: release.id } });
  });
}
