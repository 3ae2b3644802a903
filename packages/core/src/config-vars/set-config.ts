import type { BerthConfig } from "@berth/config/config";
import { withTransaction, type DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { startConfigDeployment } from "../deployments/start-config-deployment";
import { configKeyOf, decryptValue, encryptValue, isEncrypted } from "../crypto/config-cipher";
import { AppError } from "../errors/app-error";
import { ZConfigKey, ZConfigValue } from "./config-key";

export interface SetConfigInput extends AppRef {
  set: Record<string, string>;
  unset?: string[];
}

export interface SetConfigResult {
  /** The deployment that releases the new config; null when the app has no release yet or nothing changed. */
  deploymentId: string | null;
  description: string;
  changed: boolean;
  config: Record<string, string>;
}

function check(key: string, value?: string): void {
  const k = ZConfigKey.safeParse(key);
  if (!k.success) {
    const reason = k.error.issues[0]?.message ?? "invalid";
    throw new AppError("INVALID_INPUT", { userMessage: key && reason.startsWith(key) ? reason : `${key || "(empty key)"}: ${reason}` });
  }
  if (value === undefined) return;
  const v = ZConfigValue.safeParse(value);
  if (!v.success) throw new AppError("INVALID_INPUT", { userMessage: `${key}: ${v.error.issues[0]?.message}` });
}

export function describeConfigChange(setKeys: string[], unsetKeys: string[]): string {
  const parts: string[] = [];
  if (setKeys.length) parts.push(`Set ${setKeys.join(", ")}`);
  if (unsetKeys.length) parts.push(`${parts.length ? "unset" : "Unset"} ${unsetKeys.join(", ")}`);
  return parts.join("; ");
}

/**
 * Changes the app's config and releases it: the rows are written first (they are "the config as it
 * is now"), then the engine makes a new release with the same image and the full new config.
 */
export async function setConfig(deps: { db: DbClient; config: BerthConfig }, input: SetConfigInput): Promise<SetConfigResult> {
  const unset = [...new Set(input.unset ?? [])];
  const setEntries = Object.entries(input.set);
  if (!setEntries.length && !unset.length) throw new AppError("INVALID_INPUT", { userMessage: "Name at least one variable to set or unset." });
  for (const [key, value] of setEntries) check(key, value);
  for (const key of unset) check(key);
  const both = unset.filter((k) => k in input.set);
  if (both.length) throw new AppError("INVALID_INPUT", { userMessage: `${both.join(", ")}: cannot set and unset the same key at once.` });

  const app = await requireAppAccess(deps.db, input, "developer");
  const cipherKey = configKeyOf(deps.config);

  const { next, setKeys, unsetKeys } = await withTransaction(deps.db, async (tx) => {
    const rows = await tx.configVar.findMany({ where: { appId: app.id }, select: { key: true, value: true } });
    const current = Object.fromEntries(rows.map((v) => [v.key, decryptValue(cipherKey, v.value)]));
    const setKeys = setEntries.filter(([k, v]) => current[k] !== v).map(([k]) => k);
    const unsetKeys = unset.filter((k) => k in current);
    for (const key of setKeys) {
      const value = encryptValue(cipherKey, input.set[key] as string);
      await tx.configVar.upsert({ where: { appId_key: { appId: app.id, key } }, create: { appId: app.id, key, value }, update: { value } });
    }
    // Rows written before encryption existed are encrypted on the app's next config write.
    for (const row of rows) {
      if (isEncrypted(row.value) || setKeys.includes(row.key) || unsetKeys.includes(row.key)) continue;
      await tx.configVar.update({ where: { appId_key: { appId: app.id, key: row.key } }, data: { value: encryptValue(cipherKey, row.value) } });
    }
    if (unsetKeys.length) await tx.configVar.deleteMany({ where: { appId: app.id, key: { in: unsetKeys } } });
    const next: Record<string, string> = { ...current, ...input.set };
    for (const key of unset) delete next[key];
    return { next, setKeys, unsetKeys };
  });

  const description = describeConfigChange(setKeys, unsetKeys);
  if (!setKeys.length && !unsetKeys.length) return { deploymentId: null, description: "No change", changed: false, config: next };
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  const { deploymentId } = await startConfigDeployment(
    { db: deps.db, config: deps.config },
    { appId: app.id, config: sorted, description, createdById: input.userId },
  );
  return { deploymentId, description, changed: true, config: sorted };
}
