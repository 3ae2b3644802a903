import type { DbClient } from "@berth/db/client";
import type { FormationRow, HealthCheckRow } from "./process-plan";

export interface RuntimeSettings {
  formations: FormationRow[];
  healthChecks: HealthCheckRow[];
  stopped: boolean;
}

/** An app's formation, health checks and whether it is stopped, as stored. */
export async function loadRuntimeSettings(db: DbClient, appId: string): Promise<RuntimeSettings> {
  const [formations, healthChecks, app] = await Promise.all([
    db.formation.findMany({ where: { appId }, select: { type: true, quantity: true, cpu: true, memoryMb: true } }),
    db.healthCheck.findMany({
      where: { appId },
      select: { type: true, path: true, expectedStatus: true, bodyContains: true, startPeriodSec: true, intervalSec: true, timeoutSec: true, retries: true },
    }),
    db.app.findUnique({ where: { id: appId }, select: { stoppedAt: true } }),
  ]);
  return { formations, healthChecks, stopped: !!app?.stoppedAt };
}
