import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { resolveRouterAdmin } from "@berth/router/admin-endpoint";
import { applyRouteTable } from "@berth/router/apply-route-table";
import type { TRouteTable } from "@berth/router/route-table";
import { appHost } from "../apps/app-url";
import { processTypesOf } from "../runtime/process-plan";
import { APP_PORT, appServiceName, WEB_PROCESS } from "./runtime-names";
import { withAdvisoryLock } from "./with-app-lock";

/**
 * The route table as the database says it should be: the web process of every app whose current release is live, plus
 * every app with a deployment in `deploying` (its new tasks must be reachable to be verified).
 * Derived from rows alone, so two deploys of different apps syncing at once both end up routed.
 */
export async function routeTableFromDb(db: DbClient, config: Pick<BerthConfig, "baseDomain">, opts: { include?: string[] } = {}): Promise<TRouteTable> {
  const apps = await db.app.findMany({
    where: {
      OR: [{ currentRelease: { status: "live" } }, { deployments: { some: { status: "deploying" } } }, { id: { in: opts.include ?? [] } }],
    },
    select: {
      id: true,
      name: true,
      stoppedAt: true,
      tenant: { select: { name: true } },
      currentRelease: { select: { processTypes: true } },
      domains: { select: { hostname: true }, orderBy: { hostname: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  return {
    // Only the web process is routed: an app whose Procfile has no web (only workers) gets no route.
    routes: apps.filter((app) => WEB_PROCESS in processTypesOf(app.currentRelease?.processTypes ?? {})).map((app) => ({
      id: app.id,
      // The default address first, then the app's custom domains (unique across the installation by the schema).
      hosts: [appHost(config, app.tenant.name, app.name), ...app.domains.map((d) => d.hostname)],
      // Each healthy instance of the web service is an upstream of its own (see the router's eachAddress);
      // a stopped app answers "stopped" at once instead of making requests wait for an instance.
      ...(app.stoppedAt ? { upstreams: [], stopped: true } : { upstreams: [{ dial: `${appServiceName(app.id)}:${APP_PORT}`, eachAddress: true }] }),
    })),
  };
}

/**
 * Loads the table from the database into the router. Serialised across processes, so a table read
 * earlier can never overwrite one read later.
 */
export async function syncRoutes(deps: { db: DbClient; config: BerthConfig }, opts: { include?: string[] } = {}): Promise<number> {
  return withAdvisoryLock(deps.db, "berth:router", async () => {
    const table = await routeTableFromDb(deps.db, deps.config, opts);
    const docker = connectDocker(deps.config.docker.socketPath);
    await applyRouteTable(await resolveRouterAdmin(docker, deps.config.router), table);
    return table.routes.length;
  });
}
