import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { inspectService, listServiceLabels, removeService } from "@berth/docker/services";
import { resolveRouterAdmin } from "@berth/router/admin-endpoint";
import { readRouteTable } from "@berth/router/read-route-table";
import { configKeyOf, decryptConfigMap } from "../crypto/config-cipher";
import { applyReleaseService, planRelease } from "../deployments/apply-release-service";
import { APP_ID_LABEL, APP_LABEL, MANAGED_LABEL, processServiceName, RELEASE_LABEL, TENANT_LABEL } from "../deployments/runtime-names";
import { routeTableFromDb, syncRoutes } from "../deployments/sync-routes";
import { withAppLock } from "../deployments/with-app-lock";
import { applyFormation } from "../runtime/apply-formation";
import { diffRoutes } from "./diff-routes";
import { removeOrphanedNetworks } from "./remove-orphaned-networks";
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
 * Compares what the database says should run (each app's live release, its formation, and the
 * route table derived from them) with what Swarm and the router have, and repairs the difference:
 * a missing service or one running another release is re-applied through applyReleaseService
 * (updated in place, never duplicated), one running another number of instances is scaled back to
 * the formation, services of apps and networks of tenants that no longer exist are removed, and a
 * missing or stale route is fixed by loading the table from the database. Apps in the middle of a
 * rollout are left alone. Each repair is recorded as an audit event and returned.
 */
export async function reconcileRuntime(deps: ReconcileDeps): Promise<Repair[]> {
  const repairs: Repair[] = [];
  try {
    repairs.push(...(await removeOrphanedServices(deps)));
  } catch (err) {
    deps.log(`reconciler: leftover services: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    repairs.push(...(await removeOrphanedNetworks(deps)));
  } catch (err) {
    deps.log(`reconciler: leftover networks: ${err instanceof Error ? err.message : String(err)}`);
  }
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
  const scaled: string[] = [];
  for (const plan of plans) {
    const name = processServiceName(app.id, plan.type);
    const service = await inspectService(deps.docker, name);
    if (!service) missing.push(name);
    else {
      const image = (service.spec.TaskTemplate as { ContainerSpec?: { Image?: string } } | undefined)?.ContainerSpec?.Image ?? "";
      if (service.spec.Labels?.[RELEASE_LABEL] !== release.id || !image.endsWith(`@${release.imageDigest}`)) wrong.push(name);
      else if ((service.spec.Mode?.Replicated?.Replicas ?? 0) !== plan.replicas) scaled.push(name);
    }
  }
  if (missing.length) return { kind: "service-missing", services: [...missing, ...wrong] };
  if (wrong.length) return { kind: "service-wrong-release", services: wrong };
  if (scaled.length) return { kind: "service-wrong-scale", services: scaled };
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
    let summary: string;
    if (problems.kind === "service-wrong-scale") {
      // Same release, another instance count: scale back to the formation, nothing restarts.
      await applyFormation(deps, app.id);
      summary = `scaled ${problems.services.join(", ")} of ${app.tenant.name}/${app.name} back to its formation`;
    } else {
      await applyReleaseService(deps, app, { id: release.id, imageDigest: release.imageDigest, config: decryptConfigMap(configKeyOf(deps.config), release.config) });
      summary = `${problems.kind === "service-missing" ? "re-created" : "reset"} ${problems.services.join(", ")} to v${release.version} of ${app.tenant.name}/${app.name}`;
    }
    const repair: Repair = { target: { type: "app", id: app.id }, kind: problems.kind, summary };
    await recordRepair(deps.db, repair, { services: problems.services, releaseId: release.id, version: release.version });
    return repair;
  });
}

/**
 * Services Berth made for apps that no longer exist (an app removed while its services could not
 * be, or by hand in the database) would run, and restart, forever: they are removed. An app's row
 * exists before its first service is created, so a service of an app being created is never taken
 * for a leftover.
 */
async function removeOrphanedServices(deps: ReconcileDeps): Promise<Repair[]> {
  const services = (await listServiceLabels(deps.docker, { [MANAGED_LABEL]: "true" })).filter((s) => s.labels[APP_ID_LABEL]);
  if (!services.length) return [];
  const ids = [...new Set(services.map((s) => s.labels[APP_ID_LABEL] as string))];
  const existing = new Set((await deps.db.app.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((a) => a.id));
  const repairs: Repair[] = [];
  for (const service of services) {
    const appId = service.labels[APP_ID_LABEL] as string;
    if (existing.has(appId) || !(await removeService(deps.docker, service.name))) continue;
    const owner = `${service.labels[TENANT_LABEL] ?? "?"}/${service.labels[APP_LABEL] ?? "?"}`;
    const repair: Repair = { target: { type: "app", id: appId }, tenantName: service.labels[TENANT_LABEL], kind: "service-orphaned", summary: `removed ${service.name}, left over from the deleted app ${owner}` };
    await recordRepair(deps.db, repair, { services: [service.name] });
    repairs.push(repair);
  }
  return repairs;
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
    const repair: Repair = { target: { type: "app", id: d.appId }, kind: d.kind, summary: `${d.kind === "route-missing" ? "added" : "corrected"} the route of app ${d.appId}: ${d.detail}` };
    await recordRepair(deps.db, repair, { detail: d.detail });
    repairs.push(repair);
  }
  return repairs;
}
