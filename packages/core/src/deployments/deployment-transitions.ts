import type { DbClient } from "@berth/db/client";
import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";

const STEP_COLUMN: Partial<Record<DeploymentStatus, string>> = {
  building: "buildingAt",
  pushing: "pushingAt",
  releasing: "releasingAt",
  deploying: "deployingAt",
  live: "finishedAt",
  failed: "finishedAt",
  cancelled: "finishedAt",
};

export const TERMINAL_STATUSES: DeploymentStatus[] = ["live", "failed", "cancelled"];
/** A worker holds a lease on a deployment in these; anywhere else nobody works on it. */
export const ACTIVE_STATUSES: DeploymentStatus[] = ["building", "pushing", "releasing", "deploying"];

export function isTerminal(status: DeploymentStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * Moves a deployment to its next step only when it is in one of the expected states (and, given an
 * owner, only while that worker still holds its lease), stamping the step's time column and its
 * deadline. Returns false when it was moved elsewhere meanwhile: the caller then stops, which is what
 * makes handlers safe to run twice.
 */
export async function advanceDeployment(
  db: DbClient,
  deploymentId: string,
  from: DeploymentStatus[],
  to: Exclude<DeploymentStatus, "received" | "failed" | "cancelled">,
  opts: { owner?: string; stepDeadlineAt?: Date | null } = {},
): Promise<boolean> {
  const column = STEP_COLUMN[to];
  const { count } = await db.deployment.updateMany({
    where: { id: deploymentId, status: { in: from }, ...(opts.owner ? { leaseOwner: opts.owner } : {}) },
    data: {
      status: to,
      ...(column ? { [column]: new Date() } : {}),
      ...(opts.stepDeadlineAt !== undefined ? { stepDeadlineAt: opts.stepDeadlineAt } : {}),
    },
  });
  return count === 1;
}

/**
 * Ends a deployment as failed or cancelled with its reason, unless it already ended. The lease is
 * cleared with it: nobody works on an ended deployment.
 */
export async function endDeployment(db: DbClient, deploymentId: string, status: "failed" | "cancelled", reason: string): Promise<boolean> {
  const { count } = await db.deployment.updateMany({
    where: { id: deploymentId, status: { notIn: TERMINAL_STATUSES } },
    data: { status, failureReason: reason, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null, stepDeadlineAt: null },
  });
  return count === 1;
}

/** Marks a deployment failed with its reason, unless it already ended. */
export function failDeployment(db: DbClient, deploymentId: string, reason: string): Promise<boolean> {
  return endDeployment(db, deploymentId, "failed", reason);
}
