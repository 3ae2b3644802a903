import { withTransaction, type DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { refuseLastOwner } from "./change-role";
import { lockTenant, requireTenantRole } from "./tenant-access";

/** Admins remove members (only owners remove owners); anyone may leave, except the last owner. */
export async function removeMember(db: DbClient, input: { userId: string; tenant: string; memberId: string }): Promise<void> {
  await withTransaction(db, async (tx) => {
    const leaving = input.memberId === input.userId;
    const actor = await requireTenantRole(tx, input, leaving ? "viewer" : "admin");
    await lockTenant(tx, actor.tenantId);
    const target = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: actor.tenantId, userId: input.memberId } },
      select: { id: true, role: true },
    });
    if (!target) throw new AppError("NOT_FOUND", { userMessage: `That person is not a member of "${input.tenant}".` });
    if (target.role === "owner") {
      if (actor.role !== "owner") throw new AppError("FORBIDDEN", { userMessage: "Only an owner can remove an owner." });
      await refuseLastOwner(tx, actor.tenantId, input.tenant, "remove");
    }
    await tx.membership.delete({ where: { id: target.id } });
  });
}
