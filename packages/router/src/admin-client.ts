import { ADMIN_ORIGIN, type CaddyJson } from "./caddy-config";
import { httpRequest, type HttpResponse } from "./http-request";

/** How the host reaches a router's admin API: its unix socket (see ADMIN_LISTEN). */
export interface RouterAdmin {
  socketPath: string;
}

function adminRequest(admin: RouterAdmin, path: string, opts: { method?: string; body?: string; timeoutMs: number }): Promise<HttpResponse> {
  const headers: Record<string, string> = { Host: ADMIN_ORIGIN };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  return httpRequest(`http://${ADMIN_ORIGIN}${path}`, { ...opts, headers, socketPath: admin.socketPath });
}

/** The only code that talks to Caddy's admin API. */
export async function loadCaddyConfig(admin: RouterAdmin, config: CaddyJson, timeoutMs = 15_000): Promise<void> {
  const res = await adminRequest(admin, "/load", { method: "POST", body: JSON.stringify(config), timeoutMs });
  if (res.status !== 200) throw new Error(`Router rejected its configuration (HTTP ${res.status}): ${res.body.trim()}`);
}

/** The config Caddy is running, or null when it has none. */
export async function readCaddyConfig(admin: RouterAdmin, timeoutMs = 5_000): Promise<CaddyJson | null> {
  const res = await adminRequest(admin, "/config/", { timeoutMs });
  if (res.status !== 200) throw new Error(`Reading the router's configuration failed (HTTP ${res.status}): ${res.body.trim()}`);
  return JSON.parse(res.body) as CaddyJson | null;
}

/** Polls until the admin API answers; throws after `timeoutMs` with the last error. */
export async function waitForAdmin(admin: RouterAdmin, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await readCaddyConfig(admin, 2_000);
      return;
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Router admin API at ${admin.socketPath} did not answer within ${timeoutMs} ms: ${last instanceof Error ? last.message : String(last)}`);
}
