import type { TRouteTable } from "@berth/router/route-table";

export interface RouteDrift {
  appId: string;
  /** missing: the app should be routed and is not; stale: routed to the wrong hosts/upstreams, or not an app that should be routed. */
  kind: "route-missing" | "route-stale";
  detail: string;
}

function key(route: TRouteTable["routes"][number]): string {
  return JSON.stringify({ hosts: [...route.hosts].sort(), dials: route.upstreams.map((u) => u.dial).sort() });
}

/** How the router's routes differ from what the database says they should be. Pure. */
export function diffRoutes(expected: TRouteTable, actual: TRouteTable): RouteDrift[] {
  const have = new Map(actual.routes.map((r) => [r.id, r]));
  const want = new Map(expected.routes.map((r) => [r.id, r]));
  const drift: RouteDrift[] = [];
  for (const [id, route] of want) {
    const found = have.get(id);
    if (!found) drift.push({ appId: id, kind: "route-missing", detail: `no route for ${route.hosts.join(", ")}` });
    else if (key(found) !== key(route)) drift.push({ appId: id, kind: "route-stale", detail: `route for ${found.hosts.join(", ")} pointed elsewhere` });
  }
  for (const [id, route] of have) {
    if (!want.has(id)) drift.push({ appId: id, kind: "route-stale", detail: `route for ${route.hosts.join(", ")} belongs to no routed app` });
  }
  return drift;
}
