import type { DbClient } from "@berth/db/client";
import { quotaOf, type TenantQuotaValues } from "../quotas/tenant-quota";

export interface PlatformTenantSummary {
  name: string;
  createdAt: Date;
  memberCount: number;
  appCount: number;
  owners: string[];
  suspendedAt: Date | null;
  suspendedReason: string | null;
  quota: TenantQuotaValues;
}

/**
 * Every tenant of the installation, for platform admins (the API checks that): the one place
 * where a query is deliberately not scoped to the caller's memberships.
 */
export async function listAllTenants(db: DbClient): Promise<PlatformTenantSummary[]> {
  const rows = await db.tenant.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      suspendedAt: true,
      suspendedReason: true,
      _count: { select: { members: true, apps: true } },
      members: { where: { role: "owner" }, select: { user: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  return Promise.all(
    rows.map(async (row) => ({
      name: row.name,
      createdAt: row.createdAt,
      memberCount: row._count.members,
      appCount: row._count.apps,
      owners: row.members.map((m) => m.user.email),
      suspendedAt: row.suspendedAt,
      suspendedReason: row.suspendedReason,
      quota: await quotaOf(db, row.id),
    })),
  );
}
