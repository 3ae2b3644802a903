import type { DbClient } from "@berth/db/client";
import { recordAuditEvent } from "../audit/record-audit-event";

export type RepairKind =
  | "service-missing"
  | "service-wrong-release"
  | "service-wrong-scale"
  | "service-orphaned"
  | "network-orphaned"
  | "route-missing"
  | "route-stale";

export interface Repair {
  /** What was repaired: an app, or the network a deleted tenant left. */
  target: { type: "app" | "tenant"; id: string };
  /** For an app or tenant that no longer exists (its leftovers were removed): whose it was. */
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
  const app = repair.target.type === "app" ? await db.app.findUnique({ where: { id: repair.target.id }, select: { name: true, tenantId: true } }) : null;
  // A deleted app's leftovers are shown to its tenant, found by name. A deleted tenant's network has
  // no tenant left to show it to (a new one may have its name): it is a platform-wide event.
  const byName = !app && repair.target.type === "app" && repair.tenantName;
  const tenant = byName ? await db.tenant.findUnique({ where: { name: repair.tenantName }, select: { id: true } }) : null;
  await recordAuditEvent(db, {
    tenantId: app?.tenantId ?? tenant?.id ?? null,
    actorUserId: null,
    action: `runtime.repair`,
    targetType: repair.target.type,
    targetId: repair.target.id,
    targetName: app?.name ?? (repair.target.type === "tenant" ? (repair.tenantName ?? null) : null),
    details: { repair: repair.kind, summary: repair.summary, ...details },
    interface: "platform",
  });
}
