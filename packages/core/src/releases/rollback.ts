import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { startRollbackDeployment } from "../deployments/start-rollback-deployment";
import { AppError } from "../errors/app-error";

/** A rollback is a new release reusing an old one's image and config; the old release stays as it was. */
export async function rollback(
  deps: { db: DbClient; config: BerthConfig },
  input: AppRef & { version: number },
): Promise<{ deploymentId: string; toVersion: number }> {
  const app = await requireAppAccess(deps.db, input, "developer");
  const target = await deps.db.release.findUnique({
    where: { appId_version: { appId: app.id, version: input.version } },
    select: { id: true },
  });
  if (!target) throw new AppError("NOT_FOUND", { userMessage: `"${input.app}" has no release v${input.version}.` });
  const { deploymentId } = await startRollbackDeployment(
    { db: deps.db, config: deps.config },
    { appId: app.id, toVersion: input.version, createdById: input.userId },
  );
  return { deploymentId, toVersion: input.version };
}
