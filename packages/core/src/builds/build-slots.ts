import os from "node:os";
import type { DbClient } from "@berth/db/client";
import { withAdvisoryLock } from "../deployments/with-app-lock";
import { stepDeadline } from "../deployments/step-limits";

export type SlotClaim = { outcome: "claimed" } | { outcome: "full"; running: number } | { outcome: "gone" };

/**
 * The build host a worker builds on: the machine of its Docker engine, which Berth reaches through
 * the local socket. Every worker process on that machine shares its slots.
 */
export function buildHostName(): string {
  return os.hostname();
}

/**
 * Moves a leased deployment into `building` only while fewer than `cap` builds hold a slot on the
 * host: the cap is per build host, however many worker processes run there. A build holds its slot
 * while it is `building` on that host with a live lease, so a worker that died frees its slots when
 * its leases expire. The count and the claim happen under one advisory lock per host, so two
 * workers never both take the last slot. `gone`: the deployment left `received`/`building` or the
 * lease is no longer ours (cancelled, taken over); the caller stops.
 */
export async function claimBuildSlot(
  db: DbClient,
  input: { deploymentId: string; owner: string; host: string; cap: number },
): Promise<SlotClaim> {
  return withAdvisoryLock(db, `berth:build-slots:${input.host}`, async () => {
    const running = await db.deployment.count({
      where: { id: { not: input.deploymentId }, status: "building", buildHost: input.host, leaseExpiresAt: { gt: new Date() } },
    });
    if (running >= input.cap) return { outcome: "full", running };
    const { count } = await db.deployment.updateMany({
      where: { id: input.deploymentId, status: { in: ["received", "building"] }, leaseOwner: input.owner },
      data: { status: "building", buildingAt: new Date(), stepDeadlineAt: stepDeadline("building"), buildHost: input.host },
    });
    return count === 1 ? { outcome: "claimed" } : { outcome: "gone" };
  });
}
