import type { DbClient } from "@berth/db/client";
import { appNotFound, memberAppWhere, type AppRef } from "../apps/app-scope";

/** The app's config as it is now (key → value), sorted by key. */
export async function listConfig(db: DbClient, ref: AppRef): Promise<Record<string, string>> {
  const app = await db.app.findFirst({
    where: memberAppWhere(ref),
    select: { configVars: { orderBy: { key: "asc" }, select: { key: true, value: true } } },
  });
  if (!app) throw appNotFound(ref);
  return Object.fromEntries(app.configVars.map((v) => [v.key, v.value]));
}
