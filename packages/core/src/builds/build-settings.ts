import type { BuildSettings } from "@berth/builder/build-settings";
import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { parseStoredBuildSettings, ZBuildSettings } from "./build-settings-schema";

/** An app's build settings (viewer and above); {} when detection decides everything. */
export async function getBuildSettings(deps: { db: DbClient }, ref: AppRef): Promise<BuildSettings> {
  const app = await requireAppAccess(deps.db, ref, "viewer");
  const row = await deps.db.app.findUnique({ where: { id: app.id }, select: { buildSettings: true } });
  return parseStoredBuildSettings(row?.buildSettings);
}

export interface SetBuildSettingsInput extends AppRef {
  set: BuildSettings;
  unset: Array<keyof BuildSettings>;
}

/**
 * Changes some build settings (developer and above) and returns all of them. They apply from the
 * next push: a build is what reads them, and nothing is rebuilt now.
 */
export async function setBuildSettings(deps: { db: DbClient }, input: SetBuildSettingsInput): Promise<BuildSettings> {
  const both = input.unset.filter((k) => k in input.set);
  if (both.length) throw new AppError("INVALID_INPUT", { userMessage: `${both.join(", ")}: cannot set and unset the same setting at once.` });
  const app = await requireAppAccess(deps.db, input, "developer");
  const row = await deps.db.app.findUnique({ where: { id: app.id }, select: { buildSettings: true } });
  const next: Record<string, unknown> = { ...parseStoredBuildSettings(row?.buildSettings), ...input.set };
  for (const key of input.unset) delete next[key];
  const parsed = ZBuildSettings.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID_INPUT", { userMessage: `${issue?.path.join(".") || "settings"}: ${issue?.message ?? "invalid"}` });
  }
  await deps.db.app.update({ where: { id: app.id }, data: { buildSettings: parsed.data as object } });
  return parsed.data;
}
