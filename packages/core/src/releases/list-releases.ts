import type { DbClient } from "@berth/db/client";
import { appNotFound, memberAppWhere, type AppRef } from "../apps/app-scope";

export interface ReleaseSummary {
  version: number;
  kind: "build" | "config" | "rollback";
  status: "pending" | "live" | "failed" | "superseded";
  current: boolean;
  imageDigest: string;
  imageRef: string;
  description: string;
  sourceCommit: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Newest first. Release.createdById has no relation (users may be deleted), so emails are looked up apart. */
export async function listReleases(db: DbClient, ref: AppRef & { limit?: number }): Promise<ReleaseSummary[]> {
  const app = await db.app.findFirst({
    where: memberAppWhere(ref),
    select: {
      currentReleaseId: true,
      releases: {
        orderBy: { version: "desc" },
        take: Math.min(Math.max(ref.limit ?? 50, 1), 500),
        select: {
          id: true, version: true, kind: true, status: true, imageDigest: true, imageRef: true,
          description: true, sourceCommit: true, createdById: true, createdAt: true,
        },
      },
    },
  });
  if (!app) throw appNotFound(ref);
  const userIds = [...new Set(app.releases.map((r) => r.createdById).filter((id): id is string => !!id))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return app.releases.map(({ id, createdById, ...r }) => ({
    ...r,
    current: id === app.currentReleaseId,
    createdBy: createdById ? (emailOf.get(createdById) ?? null) : null,
  }));
}
