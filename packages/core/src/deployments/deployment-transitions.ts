import type { DbClient } from "@berth/db/client";
import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";

const STEP_COLUMN = {
  building: "buildingAt",
  pushing: "pushingAt",
  releasing: "releasingAt",
  deploying: "deployingAt",
  live: "finishedAt",
  failed: "finishedAt",
} as const;

export const TERMINAL_STATUSES: DeploymentStatus[] = ["live", "failed"];

/**
 * Moves a deployment to its next step only when it is in one of the expected states, stamping the
 * step's time column. Returns false when another run already moved it: the caller then stops, which
 * is what makes handlers safe to run twice.
 */
export async function advanceDeployment(
  db: DbClient,
  deploymentId: string,
  from: DeploymentStatus[],
  to: Exclude<DeploymentStatus, "received" | "failed">,
): Promise<boolean> {
  const { count } = await db.deployment.updateMany({
    where: { id: deploymentId, status: { in: from } },
    data: { status: to, [STEP_COLUMN[to]]: new Date() },
  });
  return count === 1;
}

/** Marks a deployment failed with its reason, unless it already finished (live or failed). */
export async function failDeployment(db: DbClient, deploymentId: string, reason: string): Promise<boolean> {
  const { count } = await db.deployment.updateMany({
    where: { id: deploymentId, status: { notIn: TERMINAL_STATUSES } },
    data: { status: "failed", failureReason: reason, finishedAt: new Date() },
  });
  return count === 1;
}
