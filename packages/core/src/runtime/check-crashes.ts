import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { listServiceNames, listServiceTasks, type TaskSummary } from "@berth/docker/services";
import { describeTask } from "../deployments/wait-for-release";
import { APP_ID_LABEL, PROCESS_TYPE_LABEL, RELEASE_LABEL } from "../deployments/runtime-names";

/** This many instance deaths of the live release within the window make an app `crashed`. */
export const CRASHES_TO_MARK = 3;
export const CRASH_WINDOW_MS = 5 * 60_000;

export interface CrashCheckResult {
  checked: number;
  marked: string[];
  cleared: string[];
}

/**
 * The periodic crash check (the worker runs it). Swarm restarts a dying instance by itself (restart
 * policy "any"); this only records what keeps happening: an app whose live release lost
 * CRASHES_TO_MARK instances (exited, killed, or unhealthy) within CRASH_WINDOW_MS is marked
 * `crashed`, with the last one's error, health-check output and log lines as the reason; an app
 * whose instances stayed up for a whole window, or whose new release has lost none, is cleared again. Routing is untouched: the router
 * keeps sending traffic to whichever instances are healthy.
 */
export async function checkCrashes(deps: { db: DbClient; docker: DockerClient }, now = Date.now()): Promise<CrashCheckResult> {
  const apps = await deps.db.app.findMany({
    where: { stoppedAt: null, currentRelease: { status: "live" } },
    select: { id: true, name: true, crashedAt: true, currentReleaseId: true, currentRelease: { select: { createdAt: true } } },
  });
  const result: CrashCheckResult = { checked: apps.length, marked: [], cleared: [] };
  for (const app of apps) {
    const deaths: TaskSummary[] = [];
    for (const name of await listServiceNames(deps.docker, { [APP_ID_LABEL]: app.id })) {
      const tasks = await listServiceTasks(deps.docker, name);
      deaths.push(...tasks.filter((t) => t.labels[RELEASE_LABEL] === app.currentReleaseId && died(t) && now - Date.parse(t.createdAt) < CRASH_WINDOW_MS));
    }
    deaths.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    if (deaths.length >= CRASHES_TO_MARK && !app.crashedAt) {
      const last = deaths[0] as TaskSummary;
      const reason = await describeTask(
        deps.docker,
        last,
        `${deaths.length} instances of the ${last.labels[PROCESS_TYPE_LABEL] ?? "web"} process stopped within ${CRASH_WINDOW_MS / 60_000} minutes`,
      );
      const moved = await deps.db.app.updateMany({ where: { id: app.id, crashedAt: null }, data: { crashedAt: new Date(now), crashReason: reason.slice(0, 8_000) } });
      if (moved.count) result.marked.push(app.id);
    } else if (deaths.length === 0 && app.crashedAt && (now - app.crashedAt.getTime() > CRASH_WINDOW_MS || releasedSince(app))) {
      await deps.db.app.updateMany({ where: { id: app.id }, data: { crashedAt: null, crashReason: null } });
      result.cleared.push(app.id);
    }
  }
  return result;
}

/** An instance that ended on its own (crash, exit, killed as unhealthy), not one Berth or Swarm retired. */
function died(t: TaskSummary): boolean {
  return t.state === "failed" || t.state === "complete" || t.state === "rejected";
}

/** A release made after the crash was marked is a fix attempt; its own instances decide from now on. */
function releasedSince(app: { crashedAt: Date | null; currentRelease: { createdAt: Date } | null }): boolean {
  return !!app.crashedAt && !!app.currentRelease && app.currentRelease.createdAt > app.crashedAt;
}
