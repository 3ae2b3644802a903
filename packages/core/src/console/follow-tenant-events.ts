import type { DbClient } from "@berth/db/client";
import { sleep } from "./follow-deployment-events";

/**
 * A fingerprint of every app's deploy state in a tenant (newest deployment and its status, the
 * serving release, the stopped and crashed marks), each time any of it changes, starting with the
 * current one. The apps list reloads on each. The caller has checked membership.
 */
export async function* followTenantEvents(db: DbClient, { tenantId, signal, pollMs = 500 }: { tenantId: string; signal: AbortSignal; pollMs?: number }): AsyncGenerator<{ apps: number; changedAt: string }> {
  let last = "";
  while (!signal.aborted) {
    const rows = await db.app.findMany({
      where: { tenantId },
      orderBy: { name: "asc" },
      select: {
        name: true,
        currentReleaseId: true,
        stoppedAt: true,
        crashedAt: true,
        deployments: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true } },
      },
    });
    const key = JSON.stringify(rows);
    if (key !== last) {
      last = key;
      yield { apps: rows.length, changedAt: new Date().toISOString() };
    }
    await sleep(pollMs, signal);
  }
}
