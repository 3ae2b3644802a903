import type Docker from "dockerode";
import type { BerthConfig } from "@berth/config/config";
import { canonicalJson, ensureContainer, type EnsureContainerOutcome } from "@berth/docker/containers";
import { loadCaddyConfig, readCaddyConfig, waitForAdmin } from "./admin-client";
import { ADMIN_CONTAINER_PORT, caddyConfig, HTTP_CONTAINER_PORT } from "./caddy-config";
import { EMPTY_ROUTE_TABLE, type TRouteTable } from "./route-table";
import { ensureRouterImage, ROUTER_DATA_DIR } from "./router-image";

export interface EnsureRouterOptions {
  docker: Docker;
  config: Pick<BerthConfig, "router" | "baseImages">;
  log: (line: string) => void;
  /** The table to load; empty by default. Once apps exist, pass the current table so a re-run of bring-up does not drop routes. */
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
  const wanted = caddyConfig(opts.routes ?? EMPTY_ROUTE_TABLE);
  await loadCaddyConfig(router.adminUrl, wanted);
  const running = await readCaddyConfig(router.adminUrl);
  if (canonicalJson(running) !== canonicalJson(wanted)) {
    throw new Error("The router accepted its configuration but reads back a different one; see `docker logs " + router.containerName + "`.");
  }
  opts.log(`router configuration loaded (${(opts.routes ?? EMPTY_ROUTE_TABLE).routes.length} routes)`);
  return { image, container: outcome, containerId: id };
}
