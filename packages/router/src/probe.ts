import { NO_SUCH_APP_HEADER, NO_SUCH_APP_VALUE } from "./caddy-config";
import { httpRequest } from "./http-request";

export interface ProbeResult {
  ok: boolean;
  reason: string;
}

/** A host that can never be an app's, so the answer must be the router's own "no such app". */
export const PROBE_HOST = "berth-health-probe.invalid";

/**
 * Asks the router's HTTP port for an unknown host. Only Berth's router answers 404 with the
 * `x-berth-router: no-such-app` header, so this tells "the router is serving" apart from "something
 * else holds the port". node:http is used because fetch forbids setting the Host header.
 */
export async function probeRouter(router: { url: string }, timeoutMs = 3_000): Promise<ProbeResult> {
  let res;
  try {
    res = await httpRequest(new URL("/", router.url).toString(), { headers: { Host: PROBE_HOST }, timeoutMs });
  } catch (err) {
    return { ok: false, reason: `router at ${router.url} is unreachable: ${err instanceof Error ? err.message : String(err)}` };
  }
  const marker = res.headers[NO_SUCH_APP_HEADER];
  if (res.status === 404 && marker === NO_SUCH_APP_VALUE) return { ok: true, reason: "router answers no-such-app for unknown hosts" };
  return {
    ok: false,
    reason: `${router.url} answered HTTP ${res.status} ${marker ? `with ${NO_SUCH_APP_HEADER}: ${String(marker)}` : `without ${NO_SUCH_APP_HEADER}`}: another server may hold the port`,
  };
}
