import { NOT_FOUND_HTML } from "./not-found-page";
import { STOPPED_HTML } from "./stopped-page";
import { type TRouteTable, ZRouteTable } from "./route-table";

/**
 * Caddy's admin API listens on a unix socket on the router's data volume, never on a network
 * interface: the router joins every tenant's overlay network, and an app that could reach an admin
 * port could rewrite every tenant's routes. Only root on the host reaches the socket (through the
 * volume's mount point).
 */
export const ADMIN_SOCKET_IN_CONTAINER = "/data/admin.sock";
export const ADMIN_LISTEN = `unix/${ADMIN_SOCKET_IN_CONTAINER}`;
/** The Host header admin requests carry; Caddy refuses any other (its DNS-rebinding guard). */
export const ADMIN_ORIGIN = "berth-router-admin";
export const HTTP_CONTAINER_PORT = 80;
/** Answers on every unknown host, so a probe can tell "the router is up" from "some other server". */
export const NO_SUCH_APP_HEADER = "x-berth-router";
export const NO_SUCH_APP_VALUE = "no-such-app";

export type CaddyJson = Record<string, unknown>;

export const UPSTREAM_TRY_DURATION = "5s";

/**
 * Translates a route table into a complete Caddy JSON config. Pure and deterministic (routes sorted
 * by id), so loading the same table twice is a no-op for Caddy, which skips unchanged configs.
 *
 * Admin API: see ADMIN_LISTEN — a unix socket, so nothing on any network can reach it.
 */
export function caddyConfig(table: TRouteTable): CaddyJson {
  const parsed = ZRouteTable.parse(table);
  const routes = [...parsed.routes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    admin: {
      listen: ADMIN_LISTEN,
      origins: [ADMIN_ORIGIN],
      // Caddy saves every loaded config to autosave.json, which `caddy run --resume` reloads after a restart.
      config: { persist: true },
    },
    apps: {
      http: {
        servers: {
          berth: {
            listen: [`:${HTTP_CONTAINER_PORT}`],
            // TLS comes with custom domains; until then nothing may try to reach an ACME CA.
            automatic_https: { disable: true },
            routes: [...routes.map(appRoute), noSuchAppRoute()],
          },
        },
      },
    },
  };
}

/**
 * How often the addresses behind a service name are looked up again: a new instance gets traffic
 * within this, and an instance gone from the name gets no new requests after it. Caddy looks a name
 * up only when a request needs it and the last answer is older than this, so an app without traffic
 * costs nothing and a busy one at most 1000 / DNS_REFRESH_MS lookups a second, answered by the
 * engine's own resolver on the same host.
 */
export const DNS_REFRESH_MS = 50;
const DNS_REFRESH = `${DNS_REFRESH_MS}ms`;

/** A stopped app's marker header, so probes and tests can tell it from an app's own 503. */
export const STOPPED_VALUE = "app-stopped";

function appRoute(route: TRouteTable["routes"][number]): CaddyJson {
  if (route.stopped) {
    return {
      "@id": `app-${route.id}`,
      match: [{ host: [...route.hosts].sort() }],
      handle: [
        {
          handler: "static_response",
          status_code: 503,
          headers: { [NO_SUCH_APP_HEADER]: [STOPPED_VALUE], "Content-Type": ["text/html; charset=utf-8"], "Cache-Control": ["no-store"] },
          body: STOPPED_HTML,
        },
      ],
      terminal: true,
    };
  }
  const [only] = route.upstreams;
  const discovered = route.upstreams.length === 1 && only?.eachAddress;
  const separator = only ? only.dial.lastIndexOf(":") : -1;
  return {
    "@id": `app-${route.id}`,
    match: [{ host: [...route.hosts].sort() }],
    handle: [
      {
        handler: "reverse_proxy",
        ...(discovered && only
          ? {
              // Swarm's DNS lists a task only while it is healthy and removes it before stopping it,
              // so looking the name up every DNS_REFRESH_MS sends new requests only to healthy instances,
              // while requests already on a draining instance finish there (it gets SIGTERM and its
              // grace period after it left DNS).
              dynamic_upstreams: { source: "a", name: only.dial.slice(0, separator), port: only.dial.slice(separator + 1), refresh: DNS_REFRESH },
            }
          : { upstreams: route.upstreams.map((u) => ({ dial: u.dial })) }),
        // While a task is replaced a name may briefly point at nothing (or at an instance that just
        // died), so a failed dial is retried, on another instance, for a few seconds instead of
        // answering 502 at once; an instance that refused a connection is skipped for a while.
        load_balancing: {
          ...(discovered ? { selection_policy: { policy: "round_robin" } } : {}),
          try_duration: UPSTREAM_TRY_DURATION,
          try_interval: "250ms",
          // An instance that dies mid-request (killed, out of memory) breaks the exchange after the
          // request was sent; requests that are safe to repeat are then tried on another instance
          // instead of answering 502. Others are never sent twice.
          ...(discovered ? { retry_match: [{ method: ["GET", "HEAD", "OPTIONS"] }] } : {}),
        },
        ...(discovered ? { health_checks: { passive: { fail_duration: "5s", max_fails: 1 } } } : {}),
      },
    ],
    terminal: true,
  };
}

function noSuchAppRoute(): CaddyJson {
  return {
    "@id": "no-such-app",
    handle: [
      {
        handler: "static_response",
        status_code: 404,
        headers: {
          [NO_SUCH_APP_HEADER]: [NO_SUCH_APP_VALUE],
          "Content-Type": ["text/html; charset=utf-8"],
          "Cache-Control": ["no-store"],
        },
        body: NOT_FOUND_HTML,
      },
    ],
    terminal: true,
  };
}
