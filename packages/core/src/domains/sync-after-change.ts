import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { syncRoutes } from "../deployments/sync-routes";
import { AppError } from "../errors/app-error";

/**
 * Loads the route table after a domain change; when the router does not take it, undoes the
 * change so the database never claims a domain the router does not serve (or the reverse).
 */
export async function syncOrUndo(deps: { db: DbClient; config: BerthConfig }, undo: () => Promise<unknown>): Promise<void> {
  try {
    await syncRoutes(deps);
  } catch (error) {
    await undo();
    throw new AppError("UNAVAILABLE", {
      message: `router sync after a domain change failed: ${error instanceof Error ? error.message : String(error)}`,
      userMessage: "The router did not take the change, so nothing was changed. Try again shortly.",
      cause: error,
    });
  }
}
