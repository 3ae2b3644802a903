import { withTransaction, type DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { roleAtLeast, type Role } from "../tenants/roles";
import { hashInvitationToken } from "./invitation-token";

/**
 * The signed-in user joins the invitation's tenant with its role. Single use: the claim is one
 * conditional update, so two people opening the same link at once cannot both get in.
 */
export async function acceptInvitation(db: DbClient, { userId, token }: { userId: string; token: string }): Promise<{ tenant: string; role: Role }> {
  return withTransaction(db, async (tx) => {
    const tokenHash = hashInvitationToken(token);
    const now = new Date();
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: userId },
    });
    const row = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { tenantId: true, role: true, expiresAt: true, acceptedById: true, tenant: { select: { name: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", { userMessage: "This invitation link is not valid. Ask for a new one." });
    if (claimed.count === 0) {
      if (row.expiresAt.getTime() <= now.getTime() && row.acceptedById === null) {
        throw new AppError("CONFLICT", { userMessage: "This invitation has expired. Ask an admin of the tenant for a new one." });
      }
      throw new AppError("CONFLICT", { userMessage: "This invitation has already been used. Ask an admin of the tenant for a new one." });
    }
    const existing = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: row.tenantId, userId } },
      select: { id: true, role: true },
    });
    // An invitation never lowers a role someone already has.
    if (!existing) {
      await tx.membership.create({ data: { tenantId: row.tenantId, userId, role: row.role } });
      return { tenant: row.tenant.name, role: row.role };
    }
    if (!roleAtLeast(existing.role, row.role)) {
      await tx.membership.update({ where: { id: existing.id }, data: { role: row.role } });
      return { tenant: row.tenant.name, role: row.role };
    }
    return { tenant: row.tenant.name, role: existing.role };
  });
}
