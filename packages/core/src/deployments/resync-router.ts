import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { connectDocker, type DockerClient } from "@berth/docker/engine";
import { ensureTenantNetwork } from "./apply-release-service";
import { syncRoutes } from "./sync-routes";

export interface ResyncRouterDeps {
  db: DbClient;
  config: BerthConfig;
  /** Defaults to a client on `config.docker.socketPath`. */
  docker?: DockerClient;
  log?: (line: string) => void;
}

/**
 * Re-creates the router's runtime state from the database, for bring-up (after migrations and
 * ensureRouter): every tenant with a live app gets its overlay network with the router joined to it
 * (a recreated router container has lost those attachments), then the route table is loaded.
 * Idempotent and live: nothing restarts, an unchanged table is a no-op for Caddy.
 */
export async function resyncRouterFromDb(deps: ResyncRouterDeps): Promise<{ routes: number; networks: number }> {
  const docker = deps.docker ?? connectDocker(deps.config.docker.socketPath);
  const tenants = await deps.db.tenant.findMany({
    where: { apps: { some: { OR: [{ currentRelease: { status: "live" } }, { deployments: { some: { status: "deploying" } } }] } } },
    select: { id: true, name: true },
  });
  for (const tenant of tenants) await ensureTenantNetwork(docker, deps.config, tenant);
  const routes = await syncRoutes(deps);
  deps.log?.(`router re-synced from the database: ${routes} routes, ${tenants.length} tenant networks`);
  return { routes, networks: tenants.length };
}
