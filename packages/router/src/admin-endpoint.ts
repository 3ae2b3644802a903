import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Docker from "dockerode";
import type { RouterAdmin } from "./admin-client";
import { ADMIN_LISTEN, ADMIN_SOCKET_IN_CONTAINER, caddyConfig, type CaddyJson } from "./caddy-config";
import { EMPTY_ROUTE_TABLE } from "./route-table";
import { ROUTER_DATA_DIR } from "./router-image";

/** One data volume per router container name, so a throwaway router never shares the real one's state. */
export function routerDataVolume(containerName: string): string {
  return `${containerName}-data`;
}

async function volumePath(docker: Docker, router: { containerName: string }, inContainer: string): Promise<string | null> {
  try {
    const volume = await docker.getVolume(routerDataVolume(router.containerName)).inspect();
    return path.join(volume.Mountpoint, path.relative(ROUTER_DATA_DIR, inContainer));
  } catch {
    return null; // no volume yet: the router was never created
  }
}

/** The admin socket as the host sees it: inside the data volume's mount point. */
export async function resolveRouterAdmin(docker: Docker, router: { containerName: string }): Promise<RouterAdmin> {
  const socketPath = await volumePath(docker, router, ADMIN_SOCKET_IN_CONTAINER);
  if (!socketPath) throw new Error(`The router's data volume ${routerDataVolume(router.containerName)} does not exist; run the bring-up.`);
  return { socketPath };
}

/**
 * Routers made before the admin API moved to a unix socket saved a config whose admin listener is a
 * TCP port, and `caddy run --resume` would bring that listener back. Rewriting the saved admin block
 * (routes untouched) before the container is recreated makes the new container come up on the socket.
 * Returns true when it changed the file.
 */
export async function migrateSavedAdminListener(docker: Docker, router: { containerName: string }): Promise<boolean> {
  const autosave = await volumePath(docker, router, `${ROUTER_DATA_DIR}/config/caddy/autosave.json`);
  if (!autosave || !existsSync(autosave)) return false;
  const saved = JSON.parse(readFileSync(autosave, "utf8")) as CaddyJson & { admin?: { listen?: string } };
  if (saved.admin?.listen === ADMIN_LISTEN) return false;
  saved.admin = caddyConfig(EMPTY_ROUTE_TABLE).admin as CaddyJson["admin"] & { listen?: string };
  writeFileSync(autosave, JSON.stringify(saved));
  return true;
}
