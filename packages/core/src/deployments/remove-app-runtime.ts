import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { connectDocker, type DockerClient } from "@berth/docker/engine";
import { removeService } from "@berth/docker/services";
import { appServiceNames } from "./apply-release-service";
import { appServiceName } from "./runtime-names";
import { syncRoutes } from "./sync-routes";

/**
 * Stops serving an app: removes every Swarm service of it (one per process type) and re-syncs the
 * routes. Call it after the app's row is deleted (or its current release cleared), so the route
 * table no longer lists it. Images in the registry are left for the registry's garbage collection.
 */
export async function removeAppRuntime(deps: { db: DbClient; config: BerthConfig; docker?: DockerClient }, appId: string): Promise<void> {
  const docker = deps.docker ?? connectDocker(deps.config.docker.socketPath);
  const names = new Set([appServiceName(appId), ...(await appServiceNames(docker, appId))]);
  for (const name of names) await removeService(docker, name);
  await syncRoutes(deps);
}
