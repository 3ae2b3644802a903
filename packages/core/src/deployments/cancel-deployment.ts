import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { DeploymentLog } from "./deployment-log";
import { isTerminal, TERMINAL_STATUSES } from "./deployment-transitions";
import { dispatchNextDeployment } from "./dispatch-next-deployment";

export interface CancelDeploymentInput extends AppRef {
  /** Which one; by default the app's deployment in progress (its oldest unfinished one). */
  deploymentId?: string | null;
}

export interface CancelDeploymentResult {
  deploymentId: string;
  /** `cancelled` when it was waiting and ended at once; else its current step, which stops within seconds. */
  status: string;
}

/**
 * Asks a deployment to stop. One that waits (for a builder or its turn) ends `cancelled` at once.
 * One that a worker runs is flagged: the worker sees the flag within a second, kills the build or
 * rolls the service back to the previous release, and ends it `cancelled`. Developers and above.
 */
export async function cancelDeployment(deps: { db: DbClient; config: Pick<BerthConfig, "redis"> }, input: CancelDeploymentInput): Promise<CancelDeploymentResult> {
  const app = await requireAppAccess(deps.db, input, "developer");
  const target = await deps.db.deployment.findFirst({
    where: input.deploymentId ? { id: input.deploymentId, appId: app.id } : { appId: app.id, status: { notIn: TERMINAL_STATUSES } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true },
  });
  if (!target) {
    throw new AppError("NOT_FOUND", {
      userMessage: input.deploymentId ? `"${input.app}" has no deployment ${input.deploymentId}.` : `No deployment of "${input.app}" is in progress.`,
    });
  }
  if (isTerminal(target.status)) {
    throw new AppError("CONFLICT", { userMessage: `Deployment ${target.id} already ended (${target.status}); there is nothing to cancel.` });
  }
  const now = new Date();
  await deps.db.deployment.updateMany({
    where: { id: target.id, status: { notIn: TERMINAL_STATUSES }, cancelRequestedAt: null },
    data: { cancelRequestedAt: now, cancelledById: input.userId },
  });
  // Nobody works on it (waiting for a builder or its turn, or its worker died): end it here.
  const ended = await deps.db.deployment.updateMany({
    where: {
      id: target.id,
      status: { in: ["received", "queued"] },
      OR: [{ leaseOwner: null }, { leaseExpiresAt: { lt: now } }],
    },
    data: { status: "cancelled", failureReason: "Cancelled on request.", finishedAt: now, leaseOwner: null, leaseExpiresAt: null, stepDeadlineAt: null },
  });
  if (ended.count === 1) {
    const log = new DeploymentLog(deps.db, target.id);
    log.line("-----> Cancelled on request before it started; the current release keeps serving");
    await log.flush();
    // The next deployment in line may go now; if Redis is away, the worker's recovery starts it later.
    await dispatchNextDeployment(deps, app.id).catch(() => null);
    return { deploymentId: target.id, status: "cancelled" };
  }
  const now2 = await deps.db.deployment.findUnique({ where: { id: target.id }, select: { status: true } });
  return { deploymentId: target.id, status: now2?.status ?? target.status };
}
