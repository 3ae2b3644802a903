import type { AppRef } from "../apps/app-scope";
import { syncRoutes } from "../deployments/sync-routes";
import { applyFormation } from "./apply-formation";
import { dockerOf, type RuntimeDeps } from "./runtime-deps";
import { loadRuntimeTarget } from "./runtime-target";

/**
 * `berth stop APP`: every process type runs 0 instances (the formation is kept for `start`). The
 * route stays, as a "this app is stopped" answer (503) instead of the app.
 */
export async function stopApp(deps: RuntimeDeps, input: AppRef): Promise<{ stopped: boolean }> {
  const target = await loadRuntimeTarget(deps.db, input, "developer");
  await deps.db.app.update({ where: { id: target.id }, data: { stoppedAt: target.stoppedAt ?? new Date(), crashedAt: null, crashReason: null } });
  // The "stopped" answer first, so no request waits on instances that are going away.
  await syncRoutes(deps);
  await applyFormation({ db: deps.db, docker: dockerOf(deps) }, target.id);
  return { stopped: true };
}

/** `berth start APP`: runs the formation again (instances come up health-gated, as in a deploy). */
export async function startApp(deps: RuntimeDeps, input: AppRef): Promise<{ stopped: boolean }> {
  const target = await loadRuntimeTarget(deps.db, input, "developer");
  await deps.db.app.update({ where: { id: target.id }, data: { stoppedAt: null } });
  await applyFormation({ db: deps.db, docker: dockerOf(deps) }, target.id);
  // Back to the instances once they are up: until one is healthy, requests wait (and retry) for it.
  await syncRoutes(deps);
  return { stopped: false };
}
