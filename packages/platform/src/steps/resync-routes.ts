import type { BerthConfig } from "@berth/config/config";
import type { StepLog } from "../util/log";

/**
 * The router keeps its last configuration across restarts, but a recreated router container has
 * lost its tenant network attachments; the database says what should be routed, so it decides.
 */
export async function resyncRoutes(config: BerthConfig, log: StepLog): Promise<void> {
  const { createDb } = await import("@berth/db/client");
  const { resyncRouterFromDb } = await import("@berth/core/deployments/resync-router");
  const db = createDb(config.postgres.url);
  try {
    const { routes, networks } = await resyncRouterFromDb({ db, config });
    log.ok(`${routes} route(s) over ${networks} tenant network(s)`);
  } finally {
    await db.$disconnect();
  }
}
