import type { DbClient } from "@berth/db/client";
import { roleAtLeast, type Role } from "./roles";
import { requireTenantRole } from "./tenant-access";

export interface MemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

export interface TenantMembers {
  tenant: string;
  myRole: Role;
  members: MemberRow[];
  /** Only for admins and owners, who are the ones who can invite. */
  invitations: PendingInvitation[];
}

export async function listMembers(db: DbClient, { userId, tenant }: { userId: string; tenant: string }): Promise<TenantMembers> {
  const { tenantId, role } = await requireTenantRole(db, { userId, tenant }, "viewer");
  const rows = await db.membership.findMany({
    where: { tenantId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  const invitations = roleAtLeast(role, "admin")
    ? await db.invitation.findMany({
        where: { tenantId, acceptedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true, role: true, expiresAt: true },
      })
    : [];
  return {
    tenant,
    myRole: role,
    members: rows.map((r) => ({ userId: r.user.id, email: r.user.email, name: r.user.name, role: r.role, joinedAt: r.createdAt })),
    invitations,
  };
}
