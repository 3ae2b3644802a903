import type { DbClient } from "@berth/db/client";
import { encryptConfigMap, encryptValue, isEncrypted, type ConfigKey } from "../crypto/config-cipher";

/**
 * One-off upgrade for installations that stored config before encryption existed: encrypts every
 * ConfigVar value, Release.config and Deployment.config still in plain text. Idempotent (values
 * with the v1 prefix are left alone), so running it again, or on a fresh install, changes nothing.
 * Returns how many rows it rewrote.
 */
export async function encryptLegacyConfig(db: DbClient, key: ConfigKey): Promise<{ configVars: number; releases: number; deployments: number }> {
  let configVars = 0;
  for (const row of await db.configVar.findMany({ where: { NOT: { value: { startsWith: "v1:" } } }, select: { id: true, value: true } })) {
    await db.configVar.update({ where: { id: row.id }, data: { value: encryptValue(key, row.value) } });
    configVars++;
  }
  const releases = await encryptMaps(
    await db.release.findMany({ select: { id: true, config: true } }),
    (id, config) => db.release.update({ where: { id }, data: { config } }),
    key,
  );
  const deployments = await encryptMaps(
    await db.deployment.findMany({ where: { kind: "config" }, select: { id: true, config: true } }),
    (id, config) => db.deployment.update({ where: { id }, data: { config } }),
    key,
  );
  return { configVars, releases, deployments };
}

async function encryptMaps(
  rows: { id: string; config: unknown }[],
  write: (id: string, config: Record<string, string>) => Promise<unknown>,
  key: ConfigKey,
): Promise<number> {
  let count = 0;
  for (const row of rows) {
    const map = row.config && typeof row.config === "object" && !Array.isArray(row.config) ? (row.config as Record<string, unknown>) : null;
    if (!map) continue;
    const plain = Object.entries(map).filter((e): e is [string, string] => typeof e[1] === "string" && !isEncrypted(e[1]));
    if (!plain.length) continue;
    await write(row.id, { ...(map as Record<string, string>), ...encryptConfigMap(key, Object.fromEntries(plain)) });
    count++;
  }
  return count;
}
