import { loadConfig, type BerthConfig } from "@berth/config/config";
import { createDb, type Database } from "@berth/db/client";

/**
 * One configuration and one database pool per server process. Kept on globalThis because
 * `next dev` re-evaluates modules on every change and would otherwise open a new pool each time.
 * Read lazily: `next build` imports these modules without a configured installation.
 */
const holder = globalThis as typeof globalThis & { __berthConfig?: BerthConfig; __berthDb?: Database };

export function getConfig(): BerthConfig {
  return (holder.__berthConfig ??= loadConfig());
}

export function getDb(): Database {
  return (holder.__berthDb ??= createDb(getConfig().postgres.url));
}
