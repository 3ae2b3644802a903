import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { configKeyOf, decryptValue } from "../crypto/config-cipher";

/** What a masked value reads as: nothing of the value (not even its length) is shown. */
export const MASKED_VALUE = "••••••";

/**
 * The app's config as it is now (key → value), sorted by key. Values are masked unless the caller
 * asks to reveal them, which needs developer or above (viewers see which keys exist, not their values).
 */
export async function listConfig(
  deps: { db: DbClient; config: Pick<BerthConfig, "configKey"> },
  ref: AppRef & { reveal?: boolean },
): Promise<Record<string, string>> {
  const app = await requireAppAccess(deps.db, ref, ref.reveal ? "developer" : "viewer");
  const vars = await deps.db.configVar.findMany({ where: { appId: app.id }, orderBy: { key: "asc" }, select: { key: true, value: true } });
  if (!ref.reveal) return Object.fromEntries(vars.map((v) => [v.key, MASKED_VALUE]));
  const key = configKeyOf(deps.config);
  return Object.fromEntries(vars.map((v) => [v.key, decryptValue(key, v.value)]));
}
