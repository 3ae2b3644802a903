import type { BerthConfig } from "@berth/config/config";
import { askRouterFallback } from "@berth/router/probe";
import { startCommand } from "./remedy";
import { ProbeFailure, runProbe } from "./run-probe";

/**
 * Healthy means Berth's router itself answers (its no-such-app fallback for an unknown host),
 * not merely that something listens on the router port; the router package knows that marker.
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
    async run() {
      const answer = await askRouterFallback(config.router.url, timeoutMs);
      if (!answer.isBerthRouter) {
        throw new ProbeFailure(
          `Something answers on ${where}, but not as Berth's router: an unknown host got HTTP ${answer.status}` +
            `${answer.marker ? ` with x-berth-router: ${answer.marker}` : " without the x-berth-router header"}, expected 404 and no-such-app.`,
        );
      }
      return (ms) => `The router at ${where} answered in ${ms} ms and sends unknown hosts to its fallback.`;
    },
  });
}
