import type { DbClient } from "@berth/db/client";
import type { AuditInterface } from "@berth/db/generated/prisma/enums";
import { requireTenantRole } from "../tenants/tenant-access";

export interface ListAuditEventsInput {
  userId: string;
  tenant: string;
  action?: string;
  /** The actor's email. */
  actor?: string;
  since?: Date;
  /** The id of the last event of the previous page. */
  cursor?: string;
  limit?: number;
}

export interface AuditEventSummary {
  id: string;
  action: string;
  actor: string | null;
  actorTokenId: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
  interface: AuditInterface;
  createdAt: Date;
}

/** A tenant's audit log, newest first, for its admins and owners; one page and the cursor of the next. */
export async function listAuditEvents(db: DbClient, input: ListAuditEventsInput): Promise<{ events: AuditEventSummary[]; nextCursor: string | null }> {
  const { tenantId } = await requireTenantRole(db, input, "admin");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  let actorUserId: string | undefined;
  if (input.actor) {
    const actor = await db.user.findUnique({ where: { email: input.actor.trim().toLowerCase() }, select: { id: true } });
    if (!actor) return { events: [], nextCursor: null };
    actorUserId = actor.id;
  }
  const rows = await db.auditEvent.findMany({
    where: { tenantId, action: input.action, actorUserId, createdAt: input.since ? { gte: input.since } : undefined },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  const userIds = [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => !!id))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return {
    events: page.map(({ tenantId: _t, actorUserId: a, ...r }) => ({ ...r, actor: a ? (emailOf.get(a) ?? null) : null })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
