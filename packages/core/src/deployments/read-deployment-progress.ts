import type { DbClient } from "@berth/db/client";
import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";
import { AppError } from "../errors/app-error";

// Large enough that a reader polling every second never gets a full page; see the note below.
const MAX_LINES = 2_000;

export interface DeploymentProgress {
  /** Lines after `afterSeq`, in order; at most 2,000 per call, so call again until none come. */
  lines: { seq: number; line: string }[];
  status: DeploymentStatus;
  failureReason: string | null;
  releaseVersion: number | null;
}

/**
 * A deployment's new log lines and its state. The pipeline writes its last lines before it sets
 * `live`, `failed` or `cancelled`, and the status is read here before the lines: so a reader that
 * sees a final status has also been given every line (unless a full page of 2,000 lines was
 * pending). Read the other way round, the last lines could land between the two reads, and a push
 * would end without the line that names the new release's URL.
 */
export async function readDeploymentProgress(db: DbClient, deploymentId: string, afterSeq: number): Promise<DeploymentProgress> {
  const deployment = await db.deployment.findUnique({
    where: { id: deploymentId },
    select: { status: true, failureReason: true, release: { select: { version: true } } },
  });
  if (!deployment) throw new AppError("NOT_FOUND", { userMessage: "No such deployment." });
  const lines = await db.deploymentLogLine.findMany({
    where: { deploymentId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: MAX_LINES,
    select: { seq: true, line: true },
  });
  return { lines, status: deployment.status, failureReason: deployment.failureReason, releaseVersion: deployment.release?.version ?? null };
}
