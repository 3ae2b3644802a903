import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { probeDocker } from "./probe-docker";
import { probePostgres } from "./probe-postgres";
import { probeRedis } from "./probe-redis";
import { probeRegistry } from "./probe-registry";
import { probeRouter } from "./probe-router";
import { DEFAULT_PROBE_TIMEOUT_MS } from "./run-probe";
import type { PlatformHealth } from "./types";

export type { ComponentHealth, ComponentName, PlatformHealth } from "./types";

/** Asks every platform component at once; each answers within its own deadline, so this takes at most about that long. */
export async function checkPlatformHealth({
  config,
  db,
  timeoutMs = DEFAULT_PROBE_TIMEOUT_MS,
}: {
  config: BerthConfig;
  db: DbClient;
  timeoutMs?: number;
}): Promise<PlatformHealth> {
  const checkedAt = new Date().toISOString();
  const [components, workerLastSeenAt] = await Promise.all([
    Promise.all([
      probePostgres({ config, db, timeoutMs }),
      probeRedis({ config, timeoutMs }),
      probeDocker({ config, timeoutMs }),
      probeRegistry({ config, timeoutMs }),
      probeRouter({ config, timeoutMs }),
    ]),
    latestWorkerHeartbeat(db, timeoutMs),
  ]);
  return {
    ok: components.every((c) => c.ok),
    checkedAt,
    components,
    worker: { lastSeenAt: workerLastSeenAt?.toISOString() ?? null },
  };
}

/** When Postgres is down the postgres probe already says so; the heartbeat is then simply unknown. */
async function latestWorkerHeartbeat(db: DbClient, timeoutMs: number): Promise<Date | null> {
  let timer: NodeJS.Timeout | undefined;
  const query = db.workerHeartbeat
    .findFirst({ orderBy: { lastSeenAt: "desc" }, select: { lastSeenAt: true } })
    .then((row) => row?.lastSeenAt ?? null);
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    return await Promise.race([query, deadline]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
