import type { BerthConfig } from "@berth/config/config";
import type { Database } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { recoverDeployments } from "@berth/core/reconciler/recover-deployments";
import { reconcileRuntime } from "@berth/core/reconciler/reconcile-runtime";

export interface MaintenanceDeps {
  db: Database;
  config: BerthConfig;
  docker: DockerClient;
  queuePrefix: string;
  /** Off for test workers on a private prefix: they must not repair the platform's apps. */
  reconcile: boolean;
  log: (message: string) => void;
}

/**
 * At start-up and every BERTH_RECONCILE_INTERVAL_MS: recover deployments nobody works on any more
 * (their worker died, or Redis lost their job), then compare what should run with Swarm and the
 * router and repair the difference. One pass at a time; a failing pass is logged and retried on the
 * next tick. Returns a stop function.
 */
export function startMaintenanceLoop(deps: MaintenanceDeps): { stop: () => Promise<void>; runOnce: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const pass = async () => {
    try {
      const recovered = await recoverDeployments(deps, deps.queuePrefix);
      const total = recovered.builds.length + recovered.rollouts.length + recovered.cancelled.length;
      if (total) deps.log(`recovery: ${JSON.stringify(recovered)}`);
    } catch (err) {
      deps.log(`recovery failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!deps.reconcile) return;
    try {
      const repairs = await reconcileRuntime(deps);
      for (const r of repairs) deps.log(`reconciler: ${r.summary}`);
    } catch (err) {
      deps.log(`reconciler failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const runOnce = () => {
    running ??= pass().finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runOnce(), deps.config.deploys.reconcileIntervalMs);
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
