import type { DbClient } from "@berth/db/client";
import { recordAuditEvent } from "./record-audit-event";

/** A push the git endpoint accepted for deployment: recorded by the endpoint, which knows the pusher and the address. */
export async function recordGitPush(
  db: DbClient,
  push: { appId: string; userId: string; tokenId?: string | null; commitSha: string; deploymentId: string; ip?: string | null; userAgent?: string | null },
): Promise<void> {
  const app = await db.app.findUnique({ where: { id: push.appId }, select: { name: true, tenantId: true } });
  if (!app) return;
  await recordAuditEvent(db, {
    tenantId: app.tenantId,
    actorUserId: push.userId,
    actorTokenId: push.tokenId ?? null,
    action: "git.push",
    targetType: "app",
    targetId: push.appId,
    targetName: app.name,
    details: { commit: push.commitSha, deploymentId: push.deploymentId },
    ip: push.ip,
    userAgent: push.userAgent,
    interface: "git",
  });
}
