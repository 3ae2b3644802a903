import type { CaddyJson } from "./caddy-config";
import { httpRequest } from "./http-request";

/** The only code that talks to Caddy's admin API. */
export async function loadCaddyConfig(adminUrl: string, config: CaddyJson, timeoutMs = 15_000): Promise<void> {
  const res = await httpRequest(`${adminUrl}/load`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(config),
    timeoutMs,
  });
  if (res.status !== 200) throw new Error(`Router rejected its configuration (HTTP ${res.status}): ${res.body.trim()}`);
}

/** The config Caddy is running, or null when it has none. */
export async function readCaddyConfig(adminUrl: string, timeoutMs = 5_000): Promise<CaddyJson | null> {
  const res = await httpRequest(`${adminUrl}/config/`, { timeoutMs });
  if (res.status !== 200) throw new Error(`Reading the router's configuration failed (HTTP ${res.status}): ${res.body.trim()}`);
  return JSON.parse(res.body) as CaddyJson | null;
}

/** Polls until the admin API answers; throws after `timeoutMs` with the last error. */
export async function waitForAdmin(adminUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await readCaddyConfig(adminUrl, 2_000);
      return;
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Router admin API at ${adminUrl} did not answer within ${timeoutMs} ms: ${last instanceof Error ? last.message : String(last)}`);
}
