import type { DbClient } from "@berth/db/client";
import type { Role } from "./roles";

export interface TenantSummary {
  name: string;
  role: Role;
  memberCount: number;
  appCount: number;
  createdAt: Date;
  /** Set while a platform admin has suspended the tenant: members read, nothing changes. */
  suspension: { at: Date; reason: string | null } | null;
}

/** The tenants the user belongs to, with the user's role in each. */
export async function listTenants(db: DbClient, { userId }: { userId: string }): Promise<TenantSummary[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: { tenant: { name: "asc" } },
    select: { role: true, tenant: { select: { name: true, createdAt: true, suspendedAt: true, suspendedReason: true, _count: { select: { members: true, apps: true } } } } },
  });
  return rows.map((r) => ({
    name: r.tenant.name,
    role: r.role,
    memberCount: r.tenant._count.members,
    appCount: r.tenant._count.apps,
    createdAt: r.tenant.createdAt,
    suspension: r.tenant.suspendedAt ? { at: r.tenant.suspendedAt, reason: r.tenant.suspendedReason } : null,
  }));
}
