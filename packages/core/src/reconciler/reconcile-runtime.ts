import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { inspectService } from "@berth/docker/services";
import { resolveRouterAdmin } from "@berth/router/admin-endpoint";
import { readRouteTable } from "@berth/router/read-route-table";
import { configKeyOf, decryptConfigMap } from "../crypto/config-cipher";
import { applyReleaseService, planRelease } from "../deployments/apply-release-service";
import { processServiceName, RELEASE_LABEL } from "../deployments/runtime-names";
import { routeTableFromDb, syncRoutes } from "../deployments/sync-routes";
import { withAppLock } from "../deployments/with-app-lock";
import { diffRoutes } from "./diff-routes";
import { type Repair, recordRepair } from "./record-repair";

export interface ReconcileDeps {
  db: DbClient;
  config: BerthConfig;
  docker: DockerClient;
  log: (message: string) => void;
}

/**
 * A rollout in `deploying` owns the app's services (it may also be putting the previous release
 * back); the reconciler keeps its hands off meanwhile. A rollout enters `deploying` under the app
 * lock, the same lock the repair holds, so the check below cannot go stale before the repair.
 */
async function rollingOut(db: DbClient, appId: string): Promise<boolean> {
  return (await db.deployment.count({ where: { appId, status: "deploying" } })) > 0;
}

type LiveApp = Awaited<ReturnType<typeof liveApps>>[number];

function liveApps(db: DbClient) {
  return db.app.findMany({
    where: { currentRelease: { status: "live" } },
    select: {
      id: true,
      name: true,
      tenant: { select: { id: true, name: true } },
      currentRelease: { select: { id: true, version: true, imageDigest: true, config: true } },
    },
    orderBy: { id: "asc" },
  });
}

/**
 * Compares what the database says should run (each app's live release, and the route table derived
 * from it) with what Swarm and the router have, and repairs the difference: a missing service or
 * one running another release is re-applied through applyReleaseService (updated in place, never
 * duplicated), a missing or stale route is fixed by loading the table from the database. Apps in the
 * middle of a rollout are left alone. Each repair is recorded as an audit event and returned.
 */
export async function reconcileRuntime(deps: ReconcileDeps): Promise<Repair[]> {
  const repairs: Repair[] = [];
  for (const app of await liveApps(deps.db)) {
    try {
      const repair = await reconcileApp(deps, app);
      if (repair) repairs.push(repair);
    } catch (err) {
      deps.log(`reconciler: app ${app.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  repairs.push(...(await reconcileRoutes(deps)));
  return repairs;
}

async function serviceProblems(deps: ReconcileDeps, app: LiveApp): Promise<{ kind: Repair["kind"]; services: string[] } | null> {
  const release = app.currentRelease!;
  const plans = await planRelease(deps.db, app.id, { id: release.id });
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const plan of plans) {
    const name = processServiceName(app.id, plan.type);
    const service = await inspectService(deps.docker, name);
    if (!service) missing.push(name);
    else {
      const image = (service.spec.TaskTemplate as { ContainerSpec?: { Image?: string } } | undefined)?.ContainerSpec?.Image ?? "";
      if (service.spec.Labels?.[RELEASE_LABEL] !== release.id || !image.endsWith(`@${release.imageDigest}`)) wrong.push(name);
    }
  }
  if (missing.length) return { kind: "service-missing", services: [...missing, ...wrong] };
  if (wrong.length) return { kind: "service-wrong-release", services: wrong };
  return null;
}

async function reconcileApp(deps: ReconcileDeps, app: LiveApp): Promise<Repair | null> {
  if (await rollingOut(deps.db, app.id)) return null;
  if (!(await serviceProblems(deps, app))) return null;
  // Under the app lock a rollout cannot start between the check and the repair; check again inside it.
  return withAppLock(deps.db, app.id, async () => {
    if (await rollingOut(deps.db, app.id)) return null;
    const now = await deps.db.app.findUnique({ where: { id: app.id }, select: { currentReleaseId: true } });
    if (now?.currentReleaseId !== app.currentRelease!.id) return null;
    const problems = await serviceProblems(deps, app);
    if (!problems) return null;
    const release = app.currentRelease!;
    await applyReleaseService(deps, app, { id: release.id, imageDigest: release.imageDigest, config: decryptConfigMap(configKeyOf(deps.config), release.config) });
    const repair: Repair = {
      appId: app.id,
      kind: problems.kind,
      summary: `${problems.kind === "service-missing" ? "re-created" : "reset"} ${problems.services.join(", ")} to v${release.version} of ${app.tenant.name}/${app.name}`,
    };
    await recordRepair(deps.db, repair, { services: problems.services, releaseId: release.id, version: release.version });
    return repair;
  });
}

async function routeDrift(deps: ReconcileDeps) {
  const admin = await resolveRouterAdmin(deps.docker, deps.config.router);
  return diffRoutes(await routeTableFromDb(deps.db, deps.config), await readRouteTable(admin));
}

async function reconcileRoutes(deps: ReconcileDeps): Promise<Repair[]> {
  // A deploy syncs the routes itself right after it starts; a drift seen once may be that instant.
  if (!(await routeDrift(deps)).length) return [];
  const drift = await routeDrift(deps);
  if (!drift.length) return [];
  await syncRoutes(deps);
  const repairs: Repair[] = [];
  for (const d of drift) {
    const repair: Repair = { appId: d.appId, kind: d.kind, summary: `${d.kind === "route-missing" ? "added" : "corrected"} the route of app ${d.appId}: ${d.detail}` };
    await recordRepair(deps.db, repair, { detail: d.detail });
    repairs.push(repair);
  }
  return repairs;
}
