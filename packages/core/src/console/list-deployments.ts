import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";

/** What a deployment shows wherever the console lists or opens one. */
export interface DeploymentSummary {
  id: string;
  kind: string;
  status: string;
  description: string;
  commitSha: string | null;
  failureReason: string | null;
  releaseVersion: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface DeploymentRow extends DeploymentSummary {
  createdBy: string | null;
}

/** An app's deployments, newest first, for any member of its tenant; `before` pages further back. */
export async function listAppDeployments(db: DbClient, ref: AppRef & { limit: number; before?: string | null }): Promise<DeploymentRow[]> {
  const { id } = await requireAppAccess(db, ref, "viewer");
  const cursor = ref.before ? await db.deployment.findFirst({ where: { id: ref.before, appId: id }, select: { createdAt: true } }) : null;
  const rows = await db.deployment.findMany({
    where: { appId: id, ...(cursor ? { createdAt: { lt: cursor.createdAt } } : {}) },
    orderBy: { createdAt: "desc" },
    take: ref.limit,
    select: {
      id: true, kind: true, status: true, description: true, commitSha: true, failureReason: true, createdAt: true, finishedAt: true, createdById: true,
      release: { select: { version: true } },
    },
  });
  const userIds = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id, kind: r.kind, status: r.status, description: r.description, commitSha: r.commitSha, failureReason: r.failureReason,
    releaseVersion: r.release?.version ?? null, createdAt: r.createdAt, finishedAt: r.finishedAt,
    createdBy: r.createdById ? (emailOf.get(r.createdById) ?? null) : null,
  }));
}
