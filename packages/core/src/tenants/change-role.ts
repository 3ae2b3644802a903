import { withTransaction, type DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import type { Role } from "./roles";
import { lockTenant, requireTenantRole } from "./tenant-access";

export interface ChangeRoleInput {
  userId: string;
  tenant: string;
  memberId: string;
  role: Role;
}

/** Admins manage members; only an owner may make or unmake an owner; a tenant always keeps one owner. */
export async function changeRole(db: DbClient, input: ChangeRoleInput): Promise<{ role: Role }> {
  return withTransaction(db, async (tx) => {
    const actor = await requireTenantRole(tx, input, "admin");
    await lockTenant(tx, actor.tenantId);
    const target = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: actor.tenantId, userId: input.memberId } },
      select: { id: true, role: true },
    });
    if (!target) throw new AppError("NOT_FOUND", { userMessage: `That person is not a member of "${input.tenant}".` });
    if (target.role === input.role) return { role: target.role };
    if ((target.role === "owner" || input.role === "owner") && actor.role !== "owner") {
      throw new AppError("FORBIDDEN", { userMessage: "Only an owner can make someone an owner or change an owner's role." });
    }
    if (target.role === "owner") await refuseLastOwner(tx, actor.tenantId, input.tenant, "demote");
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    return { role: input.role };
  });
}

/** Called with the tenant locked, when an owner is about to stop being one. */
export async function refuseLastOwner(tx: DbClient, tenantId: string, tenant: string, action: "demote" | "remove"): Promise<void> {
  const owners = await tx.membership.count({ where: { tenantId, role: "owner" } });
  if (owners <= 1) {
    throw new AppError("CONFLICT", {
      userMessage: `"${tenant}" needs at least one owner: make someone else an owner before you ${action === "demote" ? "change this role" : "remove this member"}.`,
    });
  }
}
