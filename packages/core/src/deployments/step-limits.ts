import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";

/**
 * How long each step may take before it is stopped and the deployment fails: nothing waits forever.
 * Generous on purpose (a cold dependency install is slow); the worker aborts the step when its
 * deadline passes, and recovery ends a deployment whose worker died past it.
 */
export const STEP_LIMIT_MS: Partial<Record<DeploymentStatus, number>> = {
  building: 20 * 60_000,
  pushing: 5 * 60_000,
  releasing: 60_000,
  // The new release gets READY_TIMEOUT_MS to answer; the rest is headroom for the service update.
  deploying: 4 * 60_000,
};

/** The deadline of a step that starts now. */
export function stepDeadline(status: DeploymentStatus, now = Date.now()): Date | null {
  const limit = STEP_LIMIT_MS[status];
  return limit === undefined ? null : new Date(now + limit);
}

/** A deployment whose worker died more often than this ends failed instead of being taken up again. */
export const MAX_RECOVERIES = 2;
