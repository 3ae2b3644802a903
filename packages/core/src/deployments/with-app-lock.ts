import type { DbClient } from "@berth/db/client";

const LOCK_HOLD_MS = 15 * 60_000;

/**
 * Runs `fn` while holding a PostgreSQL advisory lock for the key: one release/deploy at a time per
 * app, across worker processes. The lock lives in a transaction that only holds it (writes inside
 * `fn` use their own connections), so a crashed worker's connection drop releases it.
 */
export async function withAdvisoryLock<T>(db: DbClient, key: string, fn: () => Promise<T>): Promise<T> {
  if (!("$transaction" in db)) throw new Error("withAdvisoryLock needs the root database client, not a transaction.");
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
      return fn();
    },
    { timeout: LOCK_HOLD_MS, maxWait: 10_000 },
  );
}

export function withAppLock<T>(db: DbClient, appId: string, fn: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(db, `berth:app:${appId}`, fn);
}
