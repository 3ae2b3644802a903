import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { requireTenantRole } from "../tenants/tenant-access";

/**
 * Withdraws a pending invitation: its row (and so the only record of the link's hash) is deleted,
 * so the link stops working at once. The tenant is part of the query: another tenant's invitation
 * is not found. Like inviting, only an owner may touch an invitation to become an owner.
 */
export async function revokeInvitation(db: DbClient, input: { userId: string; tenant: string; invitationId: string }): Promise<{ id: string; email: string }> {
  const actor = await requireTenantRole(db, input, "admin");
  const invitation = await db.invitation.findFirst({
    where: { id: input.invitationId, tenantId: actor.tenantId, acceptedAt: null },
    select: { id: true, email: true, role: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND", { userMessage: "No pending invitation with that id in this tenant; it may have been accepted or withdrawn already." });
  if (invitation.role === "owner" && actor.role !== "owner") {
    throw new AppError("FORBIDDEN", { userMessage: "Only an owner can withdraw an invitation to become an owner." });
  }
  await db.invitation.deleteMany({ where: { id: invitation.id, acceptedAt: null } });
  return { id: invitation.id, email: invitation.email };
}
