import { request } from "node:http";
import type { BerthConfig } from "@berth/config/config";
import { startCommand } from "./remedy";
import { ProbeFailure, runProbe } from "./run-probe";

/** A host no app can have (RFC 6761 reserves .invalid), so only the router's fallback can answer. */
const PROBE_HOST = "berth-health-probe.invalid";

/**
 * The router's fallback answers unknown hosts with 404 and `x-berth-router: no-such-app`. Checking
 * that marker, not just the port, tells Berth's router apart from anything else listening there.
 * node:http because fetch does not let us set the Host header.
 */
export function probeRouter({ config, timeoutMs }: { config: BerthConfig; timeoutMs: number }) {
  const target = new URL(config.router.url);
  const where = `${target.hostname}:${target.port || 80}`;
  return runProbe({
    name: "router",
    label: "Router",
    target: `The router at ${where}`,
    remedy: `Start it with ${startCommand("router")}.`,
    timeoutMs,
    async run(signal) {
      const { status, marker } = await getFallback(target, signal);
      if (status !== 404 || marker !== "no-such-app") {
        throw new ProbeFailure(
          `Something answers on ${where}, but not as Berth's router: an unknown host got HTTP ${status}` +
            `${marker ? ` with x-berth-router: ${marker}` : " without the x-berth-router header"}, expected 404 and no-such-app.`,
        );
      }
      return (ms) => `The router at ${where} answered in ${ms} ms and sends unknown hosts to its fallback.`;
    },
  });
}

function getFallback(url: URL, signal: AbortSignal): Promise<{ status: number; marker: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port || 80, path: "/", method: "GET", headers: { Host: PROBE_HOST }, signal },
      (res) => {
        res.resume(); // drain the body so the socket is released
        const marker = res.headers["x-berth-router"];
        resolve({ status: res.statusCode ?? 0, marker: Array.isArray(marker) ? marker[0] : marker });
      },
    );
    req.on("error", reject);
    req.end();
  });
}
