import type { DbClient } from "@berth/db/client";
import type { AuditInterface } from "@berth/db/generated/prisma/enums";

export type { AuditInterface };

export interface AuditEventInput {
  /** Null for platform events (quotas, sign-ins without a tenant). */
  tenantId: string | null;
  actorUserId: string | null;
  actorTokenId?: string | null;
  /** `<object>.<verb>`: "app.create", "config.set", "release.rollback", "git.push". */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  /** Safe facts only (config keys, a version): never a secret value. */
  details?: Record<string, unknown> | null;
  ip?: string | null;
  userAgent?: string | null;
  interface: AuditInterface;
}

/** How the request came in: a browser session is the console; a token is the CLI when its user agent says so, else the API. */
export function auditInterfaceOf({ viaToken, userAgent }: { viaToken: boolean; userAgent: string | null }): AuditInterface {
  if (!viaToken) return "console";
  return /^berth-cli\b/i.test(userAgent ?? "") ? "cli" : "api";
}

export async function recordAuditEvent(db: DbClient, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      tenantId: event.tenantId,
      actorUserId: event.actorUserId,
      actorTokenId: event.actorTokenId ?? null,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      targetName: event.targetName ?? null,
      details: (event.details ?? undefined) as object | undefined,
      ip: event.ip?.slice(0, 100) ?? null,
      userAgent: event.userAgent?.slice(0, 500) ?? null,
      interface: event.interface,
    },
  });
}
