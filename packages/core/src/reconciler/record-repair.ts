import type { DbClient } from "@berth/db/client";
import { recordAuditEvent } from "../audit/record-audit-event";

export type RepairKind = "service-missing" | "service-wrong-release" | "service-wrong-scale" | "service-orphaned" | "route-missing" | "route-stale";

export interface Repair {
  appId: string;
  /** For an app that no longer exists (its leftover services were removed): whose it was. */
  tenantName?: string;
  kind: RepairKind;
  /** One line for the worker's log: what was found and what was done. */
  summary: string;
}

/**
 * Records a repair as an audit event by the platform itself (interface `platform`, no actor): the
 * tenant's admins already read their audit log in the console and the API, and a repair is a change
 * to their app they should be able to see, next to the deploys that preceded it. Details are facts
 * about names and releases, never config values.
 */
export async function recordRepair(db: DbClient, repair: Repair, details: Record<string, unknown>): Promise<void> {
  const app = await db.app.findUnique({ where: { id: repair.appId }, select: { name: true, tenantId: true } });
  const tenant = app ? null : repair.tenantName ? await db.tenant.findUnique({ where: { name: repair.tenantName }, select: { id: true } }) : null;
  await recordAuditEvent(db, {
    tenantId: app?.tenantId ?? tenant?.id ?? null,
    actorUserId: null,
    action: `runtime.repair`,
    targetType: "app",
    targetId: repair.appId,
    targetName: app?.name ?? null,
    details: { repair: repair.kind, summary: repair.summary, ...details },
    interface: "platform",
  });
}
