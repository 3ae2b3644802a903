import type { RouterAdmin } from "./admin-client";
import { readCaddyConfig } from "./admin-client";
import { type CaddyJson, NO_SUCH_APP_HEADER, STOPPED_VALUE } from "./caddy-config";
import type { TRouteTable } from "./route-table";

const APP_ROUTE_ID = /^app-(.+)$/;

/**
 * The route table a Caddy config carries, the inverse of caddyConfig(): each app route's id, hosts
 * and upstreams. Anything it does not recognise is left out, so a config edited by hand shows up as
 * routes missing, which is what it is.
 */
export function routeTableFromCaddy(config: CaddyJson | null): TRouteTable {
  const servers = (config?.apps as { http?: { servers?: Record<string, { routes?: unknown[] }> } } | undefined)?.http?.servers ?? {};
  const routes: TRouteTable["routes"] = [];
  for (const server of Object.values(servers)) {
    for (const raw of server.routes ?? []) {
      const route = raw as {
        "@id"?: string;
        match?: Array<{ host?: string[] }>;
        handle?: Array<{
          handler?: string;
          headers?: Record<string, string[]>;
          upstreams?: Array<{ dial?: string }>;
          dynamic_upstreams?: { source?: string; name?: string; port?: string };
        }>;
      };
      const id = APP_ROUTE_ID.exec(route["@id"] ?? "")?.[1];
      if (!id) continue;
      const hosts = (route.match ?? []).flatMap((m) => m.host ?? []);
      const upstreams = (route.handle ?? []).flatMap((h): TRouteTable["routes"][number]["upstreams"] => {
        const d = h.dynamic_upstreams;
        if (d?.source === "a" && d.name && d.port) return [{ dial: `${d.name}:${d.port}`, eachAddress: true }];
        return (h.upstreams ?? []).flatMap((u) => (u.dial ? [{ dial: u.dial }] : []));
      });
      const stopped = (route.handle ?? []).some((h) => h.handler === "static_response" && h.headers?.[NO_SUCH_APP_HEADER]?.[0] === STOPPED_VALUE);
      routes.push(stopped ? { id, hosts, upstreams: [], stopped: true } : { id, hosts, upstreams });
    }
  }
  return { routes };
}

/** What the router serves right now, read back from its admin API. */
export async function readRouteTable(admin: RouterAdmin): Promise<TRouteTable> {
  return routeTableFromCaddy(await readCaddyConfig(admin));
}
