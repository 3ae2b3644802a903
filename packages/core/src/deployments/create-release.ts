import type { DbClient } from "@berth/db/client";
import type { ReleaseKind } from "@berth/db/generated/prisma/enums";
import { withTransaction } from "@berth/db/client";
import { decryptConfigMap, decryptValue, encryptConfigMap, type ConfigKey } from "../crypto/config-cipher";

/** The next release number of an app. Call it under the app lock; the unique (appId, version) backs that up. */
export async function nextReleaseVersion(db: DbClient, appId: string): Promise<number> {
  const last = await db.release.aggregate({ where: { appId }, _max: { version: true } });
  return (last._max.version ?? 0) + 1;
}

export interface NewRelease {
  appId: string;
  version: number;
  kind: ReleaseKind;
  imageRef: string;
  imageDigest: string;
  config: Record<string, string>;
  description: string;
  sourceCommit: string | null;
  createdById: string | null;
  /** Process type → command (from the Procfile); omitted or {} = one `web` running the image's command. */
  processTypes?: Record<string, string>;
}

/**
 * Writes the (immutable) release row, pending until it serves, and links the deployment to it.
 * The config snapshot is stored encrypted (values only; keys stay readable).
 */
export async function createRelease(db: DbClient, key: ConfigKey, deploymentId: string, input: NewRelease): Promise<{ id: string; version: number }> {
  return withTransaction(db, async (tx) => {
    const data = { ...input, config: encryptConfigMap(key, input.config), status: "pending" as const };
    const release = await tx.release.create({ data, select: { id: true, version: true } });
    await tx.deployment.update({ where: { id: deploymentId }, data: { releaseId: release.id } });
    return release;
  });
}

/** The app's config as it is now, key → plain value: the snapshot a build release takes. */
export async function currentConfig(db: DbClient, key: ConfigKey, appId: string): Promise<Record<string, string>> {
  const vars = await db.configVar.findMany({ where: { appId }, select: { key: true, value: true }, orderBy: { key: "asc" } });
  return Object.fromEntries(vars.map((v) => [v.key, decryptValue(key, v.value)]));
}

/** A JSON column holding key → encrypted value (Release.config, Deployment.config), decrypted; non-strings are dropped. */
export function configFromJson(key: ConfigKey, value: unknown): Record<string, string> {
  return decryptConfigMap(key, value);
}
