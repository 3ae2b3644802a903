import { canonicalJson } from "@berth/docker/containers";
import { loadCaddyConfig, readCaddyConfig, type RouterAdmin } from "./admin-client";
import { caddyConfig } from "./caddy-config";
import type { TRouteTable } from "./route-table";

/**
 * Loads a complete route table into the running router and checks it reads back the same. Caddy
 * applies a load atomically and keeps serving open connections; loading an unchanged table is a
 * no-op. A table Caddy refuses leaves the previous one running (its "last known good").
 */
export async function applyRouteTable(admin: RouterAdmin, table: TRouteTable): Promise<void> {
  const wanted = caddyConfig(table);
  await loadCaddyConfig(admin, wanted);
  const running = await readCaddyConfig(admin);
  if (canonicalJson(running) !== canonicalJson(wanted)) {
    throw new Error("The router accepted its configuration but reads back a different one; see the router container's logs.");
  }
}
