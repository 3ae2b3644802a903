import type { DbClient } from "@berth/db/client";
import { readDeploymentProgress } from "../deployments/read-deployment-progress";
import { AppError } from "../errors/app-error";

export type DeploymentProgress = Awaited<ReturnType<typeof readDeploymentProgress>>;

/** A deployment's new log lines and state, for a member of the app's tenant; anyone else gets NOT_FOUND. */
export async function readMemberDeploymentProgress(
  db: DbClient,
  { userId, deploymentId, afterSeq }: { userId: string; deploymentId: string; afterSeq: number },
): Promise<DeploymentProgress> {
  const visible = await db.deployment.count({
    where: { id: deploymentId, app: { tenant: { members: { some: { userId } } } } },
  });
  if (!visible) throw new AppError("NOT_FOUND", { userMessage: "No such deployment." });
  return readDeploymentProgress(db, deploymentId, afterSeq);
}
