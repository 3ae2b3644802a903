import type { DbClient } from "@berth/db/client";
import type { FormationRow, HealthCheckRow } from "./process-plan";

export interface RuntimeSettings {
  formations: FormationRow[];
  healthChecks: HealthCheckRow[];
  stopped: boolean;
}

/** The tenant's per-instance limits, which also apply to instances whose formation sets none. */
async function instanceCaps(db: DbClient, appId: string): Promise<{ cpu: number | null; memoryMb: number | null }> {
  const app = await db.app.findUnique({ where: { id: appId }, select: { tenant: { select: { quota: { select: { maxCpuPerInstance: true, maxMemoryMbPerInstance: true } } } } } });
  const quota = app?.tenant.quota;
  return { cpu: quota?.maxCpuPerInstance ?? null, memoryMb: quota?.maxMemoryMbPerInstance ?? null };
}

/** An app's formation, health checks and whether it is stopped (by itself or its tenant's suspension), as stored. */
export async function loadRuntimeSettings(db: DbClient, appId: string): Promise<RuntimeSettings> {
  const [formations, healthChecks, app] = await Promise.all([
    db.formation.findMany({ where: { appId }, select: { type: true, quantity: true, cpu: true, memoryMb: true } }),
    db.healthCheck.findMany({
      where: { appId },
      select: { type: true, path: true, expectedStatus: true, bodyContains: true, startPeriodSec: true, intervalSec: true, timeoutSec: true, retries: true },
    }),
    db.app.findUnique({ where: { id: appId }, select: { stoppedAt: true, tenant: { select: { suspendedAt: true } } } }),
  ]);
  // An instance without limits of its own gets the tenant's per-instance quota as its limit, so
  // "at most 1 CPU per instance" holds for every instance, not only for those someone scaled.
  const caps = await instanceCaps(db, appId);
  // A quota lowered after a scale also lowers the limits already set above it.
  const capped = formations.map((f) => ({ ...f, cpu: lower(f.cpu, caps.cpu), memoryMb: lower(f.memoryMb, caps.memoryMb) }));
  if (caps.cpu !== null || caps.memoryMb !== null) {
    // Types without a row still get the caps: planProcesses reads them from this default row.
    capped.push({ type: "*", quantity: 1, cpu: caps.cpu, memoryMb: caps.memoryMb });
  }
  // A suspended tenant's apps run nothing, like stopped ones; each app's own stop flag is kept, so
  // resuming brings back exactly the apps that ran before.
  return { formations: capped, healthChecks, stopped: !!app?.stoppedAt || !!app?.tenant.suspendedAt };
}

/** The smaller of a limit and a cap, where null is "none". */
function lower(limit: number | null, cap: number | null): number | null {
  if (limit === null) return cap;
  return cap === null ? limit : Math.min(limit, cap);
}
