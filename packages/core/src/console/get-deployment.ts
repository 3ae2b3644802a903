import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import type { DeploymentSummary } from "./list-deployments";

export interface DeploymentDetail extends DeploymentSummary {
  /** What source detection decided (builds only), as the builder wrote it. */
  buildPlan: unknown;
}

/**
 * One deployment of an app, for a member of the app's tenant. The app is part of the lookup, so a
 * deployment id of another app, or of another tenant, is simply not found.
 */
export async function getDeploymentDetail(db: DbClient, ref: AppRef & { deploymentId: string }): Promise<DeploymentDetail> {
  const { id: appId } = await requireAppAccess(db, ref, "viewer");
  const row = await db.deployment.findFirst({
    where: { id: ref.deploymentId, appId },
    select: {
      id: true, kind: true, status: true, description: true, commitSha: true, failureReason: true, buildPlan: true, createdAt: true, finishedAt: true,
      release: { select: { version: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: `No such deployment of "${ref.app}". It may belong to another app; open it from the app's Deployments tab.` });
  const { release, ...rest } = row;
  return { ...rest, releaseVersion: release?.version ?? null };
}
