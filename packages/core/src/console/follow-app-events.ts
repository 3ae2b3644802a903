import type { DbClient } from "@berth/db/client";
import { sleep } from "./follow-deployment-events";

export interface AppStateEvent {
  latestDeployment: { id: string; status: string } | null;
  currentVersion: number | null;
}

/**
 * The app's deploy state (newest deployment and its status, the serving release) each time it
 * changes, starting with the current one. The caller has checked the user may see the app.
 */
export async function* followAppEvents(db: DbClient, { appId, signal, pollMs = 500 }: { appId: string; signal: AbortSignal; pollMs?: number }): AsyncGenerator<AppStateEvent> {
  let last = "";
  while (!signal.aborted) {
    const row = await db.app.findUnique({
      where: { id: appId },
      select: { currentRelease: { select: { version: true } }, deployments: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true } } },
    });
    if (!row) return; // the app was destroyed
    const event: AppStateEvent = { latestDeployment: row.deployments[0] ?? null, currentVersion: row.currentRelease?.version ?? null };
    const key = JSON.stringify(event);
    if (key !== last) {
      last = key;
      yield event;
    }
    await sleep(pollMs, signal);
  }
}
