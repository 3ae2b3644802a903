import type Docker from "dockerode";
import type { BerthConfig } from "@berth/config/config";
import { ensureContainer, type EnsureContainerOutcome } from "@berth/docker/containers";
import { readCaddyConfig, waitForAdmin } from "./admin-client";
import { applyRouteTable } from "./apply-route-table";
import { ADMIN_CONTAINER_PORT, HTTP_CONTAINER_PORT } from "./caddy-config";
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

  const { id, outcome } = await ensureContainer(opts.docker, {
    name: router.containerName,
    image: router.image,
    labels: { "org.berth.managed": "true", "org.berth.role": "router" },
    restartPolicy: "unless-stopped",
    ports: [
      { hostIp: router.bind, hostPort: router.port, containerPort: HTTP_CONTAINER_PORT, envVar: "BERTH_ROUTER_PORT" },
      { hostIp: "127.0.0.1", hostPort: router.adminPort, containerPort: ADMIN_CONTAINER_PORT, envVar: "BERTH_ROUTER_ADMIN_PORT" },
    ],
    // One volume per router container name, so a throwaway router never shares the real one's saved config.
    volumes: [{ volume: `${router.containerName}-data`, target: ROUTER_DATA_DIR }],
  });
  opts.log(`router container ${router.containerName} ${outcome} (${id.slice(0, 12)})`);

  await waitForAdmin(router.adminUrl, opts.adminTimeoutMs ?? 30_000);
  if (opts.routes) {
    await applyRouteTable(router.adminUrl, opts.routes);
    opts.log(`router configuration loaded (${opts.routes.routes.length} routes)`);
  } else if ((await readCaddyConfig(router.adminUrl)) === null) {
    await applyRouteTable(router.adminUrl, EMPTY_ROUTE_TABLE);
    opts.log("router had no configuration; loaded an empty route table");
  } else {
    // A running router holds the live routes (restored from its autosave after a restart); loading
    // an empty table here would take every app offline until the next deploy.
    opts.log("router configuration kept as running (re-sync routes from the database to refresh it)");
  }
  return { image, container: outcome, containerId: id };
}
