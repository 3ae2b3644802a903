import type { JobPayload } from "@berth/queue/catalog";
import type { HandlerContext } from "./context";

export type HeartbeatOutcome = "recorded" | "not-mine";

/**
 * Upserts this worker's WorkerHeartbeat row. Idempotent: a repeated or late beat only moves
 * lastSeenAt. A beat scheduled by another worker (same queue, picked up here) is skipped: writing
 * this process's pid under another worker's id would make a dead worker look alive.
 */
export async function handlePlatformHeartbeat(payload: JobPayload<"platform.heartbeat">, ctx: HandlerContext): Promise<HeartbeatOutcome> {
  if (payload.workerId !== ctx.self.workerId) return "not-mine";
  const now = new Date();
  const fields = { hostname: ctx.self.hostname, pid: ctx.self.pid, startedAt: ctx.self.startedAt, lastSeenAt: now };
  await ctx.db.workerHeartbeat.upsert({
    where: { id: ctx.self.workerId },
    create: { id: ctx.self.workerId, ...fields },
    update: fields,
    select: { id: true },
  });
  return "recorded";
}
