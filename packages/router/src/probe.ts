import { NO_SUCH_APP_HEADER, NO_SUCH_APP_VALUE } from "./caddy-config";
import { httpRequest } from "./http-request";

/** A host that can never be an app's (RFC 6761 reserves .invalid), so only the fallback can answer. */
export const PROBE_HOST = "berth-health-probe.invalid";

export interface FallbackAnswer {
  status: number;
  /** The `x-berth-router` header, if any. */
  marker: string | undefined;
  /** Only Berth's router answers an unknown host with 404 and `x-berth-router: no-such-app`. */
  isBerthRouter: boolean;
}

/**
 * Asks the router's HTTP port for an unknown host: this tells "the router is serving" apart from
 * "something else holds the port". node:http is used because fetch forbids setting the Host header.
 * Throws when nothing answers.
 */
export async function askRouterFallback(routerUrl: string, timeoutMs = 3_000): Promise<FallbackAnswer> {
  const res = await httpRequest(new URL("/", routerUrl).toString(), { headers: { Host: PROBE_HOST }, timeoutMs });
  const header = res.headers[NO_SUCH_APP_HEADER];
  const marker = Array.isArray(header) ? header[0] : header;
  return { status: res.status, marker, isBerthRouter: res.status === 404 && marker === NO_SUCH_APP_VALUE };
}

export interface HostAnswer {
  status: number;
  body: string;
  /** The router's own "no such app" page: no route for this host is loaded. */
  isFallback: boolean;
  /** Something behind the route answered (any status but the proxy's own 502/503/504). */
  appAnswered: boolean;
}

/** Asks the router for `host` as a browser would, to see whether the app behind it answers. */
export async function askRouterForHost(routerUrl: string, host: string, timeoutMs = 10_000): Promise<HostAnswer> {
  const res = await httpRequest(new URL("/", routerUrl).toString(), { headers: { Host: host }, timeoutMs });
  const header = res.headers[NO_SUCH_APP_HEADER];
  const marker = Array.isArray(header) ? header[0] : header;
  const isFallback = res.status === 404 && marker === NO_SUCH_APP_VALUE;
  return { status: res.status, body: res.body, isFallback, appAnswered: !isFallback && ![502, 503, 504].includes(res.status) };
}
