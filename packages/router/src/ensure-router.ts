import type Docker from "dockerode";
import type { BerthConfig } from "@berth/config/config";
import { ensureContainer, type EnsureContainerOutcome } from "@berth/docker/containers";
import { readCaddyConfig, waitForAdmin } from "./admin-client";
import { migrateSavedAdminListener, resolveRouterAdmin, routerDataVolume } from "./admin-endpoint";
import { applyRouteTable } from "./apply-route-table";
import { HTTP_CONTAINER_PORT } from "./caddy-config";
import { EMPTY_ROUTE_TABLE, type TRouteTable } from "./route-table";
import { ensureRouterImage, ROUTER_DATA_DIR } from "./router-image";

export interface EnsureRouterOptions {
  docker: Docker;
  config: Pick<BerthConfig, "router" | "baseImages">;
  log: (line: string) => void;
  /**
   * The table to load. Without it, the running router keeps whatever it serves (an empty table is
   * loaded only into a router that has no configuration at all); bring-up re-syncs routes from the
   * database after migrations instead.
   */
  routes?: TRouteTable;
  adminTimeoutMs?: number;
}

export interface EnsureRouterResult {
  image: "present" | "built";
  container: EnsureContainerOutcome;
  containerId: string;
}

/**
 * Brings the router up and loads its configuration; idempotent. The router is a plain container, not
 * a Swarm service: it must `docker network connect` to each tenant overlay, and a service update to
 * change its networks would restart it and drop every open connection.
 */
export async function ensureRouter(opts: EnsureRouterOptions): Promise<EnsureRouterResult> {
  const { router, baseImages } = opts.config;
  const image = await ensureRouterImage({ docker: opts.docker, image: router.image, debianImage: baseImages.debian, log: opts.log });

  if (await migrateSavedAdminListener(opts.docker, router)) opts.log("moved the router's saved admin listener to its unix socket");

  const { id, outcome } = await ensureContainer(opts.docker, {
    name: router.containerName,
    image: router.image,
    labels: { "org.berth.managed": "true", "org.berth.role": "router" },
    restartPolicy: "unless-stopped",
    // Only the HTTP port is published: the admin API is a unix socket on the data volume.
    ports: [{ hostIp: router.bind, hostPort: router.port, containerPort: HTTP_CONTAINER_PORT, envVar: "BERTH_ROUTER_PORT" }],
    volumes: [{ volume: routerDataVolume(router.containerName), target: ROUTER_DATA_DIR }],
  });
  opts.log(`router container ${router.containerName} ${outcome} (${id.slice(0, 12)})`);

  const admin = await resolveRouterAdmin(opts.docker, router);
  await waitForAdmin(admin, opts.adminTimeoutMs ?? 30_000);
  if (opts.routes) {
    await applyRouteTable(admin, opts.routes);
    opts.log(`router configuration loaded (${opts.routes.routes.length} routes)`);
  } else if ((await readCaddyConfig(admin)) === null) {
    await applyRouteTable(admin, EMPTY_ROUTE_TABLE);
    opts.log("router had no configuration; loaded an empty route table");
  } else {
    // A running router holds the live routes (restored from its autosave after a restart); loading
    // an empty table here would take every app offline until the next deploy.
    opts.log("router configuration kept as running (re-sync routes from the database to refresh it)");
  }
  return { image, container: outcome, containerId: id };
}
