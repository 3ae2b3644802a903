import { QUEUE_PREFIX } from "@berth/queue/catalog";
import { AppError } from "../errors/app-error";
import type { DeploymentDeps } from "./deployment-deps";
import { dispatchAfterCreate } from "./dispatch-next-deployment";

export interface StartRollbackDeploymentInput {
  appId: string;
  toVersion: number;
  createdById: string | null;
}

/** Records a rollback: a new release with the image and config of release `toVersion`. */
export async function startRollbackDeployment(deps: DeploymentDeps, input: StartRollbackDeploymentInput): Promise<{ deploymentId: string }> {
  const target = await deps.db.release.findUnique({
    where: { appId_version: { appId: input.appId, version: input.toVersion } },
    select: { id: true, appId: true },
  });
  if (!target) throw new AppError("NOT_FOUND", { userMessage: `This app has no release v${input.toVersion}.` });

  const description = `Rollback to v${input.toVersion}`;
  const deployment = await deps.db.deployment.create({
    data: {
      appId: target.appId,
      kind: "rollback",
      baseReleaseId: target.id,
      description,
      createdById: input.createdById,
      queuePrefix: deps.queuePrefix ?? QUEUE_PREFIX,
      logLines: { create: { seq: 1, line: `${description}: releasing its image and config again` } },
    },
    select: { id: true },
  });
  // Its turn comes when every earlier deployment of the app has ended; the last of them dispatches it.
  await dispatchAfterCreate(deps, target.appId, deployment.id);
  return { deploymentId: deployment.id };
}
