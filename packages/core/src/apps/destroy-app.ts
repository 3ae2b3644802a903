import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { removeAppRuntime } from "../deployments/remove-app-runtime";
import { requireAppAccess, type AppRef } from "./app-scope";

/**
 * Deletes the app (its releases, deployments and config go with the row), then stops serving it.
 * The row goes first: the route sync that follows must no longer see the app. The bare git
 * repository on disk is left alone (it holds the only copy of pushed history an operator may want).
 */
export async function destroyApp(deps: { db: DbClient; config: BerthConfig }, ref: AppRef): Promise<{ name: string }> {
  const app = await requireAppAccess(deps.db, ref, "admin");
  await deps.db.app.delete({ where: { id: app.id } });
  await removeAppRuntime(deps, app.id);
  return { name: ref.app };
}
