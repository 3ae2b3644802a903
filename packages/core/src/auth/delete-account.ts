import { withTransaction, type DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { defaultSignInThrottle, type SignInThrottle } from "./sign-in-throttle";
import { verifyCurrentPassword } from "./verify-current-password";

export interface DeleteAccountResult {
  /** Tenants that only this user belonged to and that had no apps: deleted with the account. */
  tenantsDeleted: string[];
}

/**
 * Deletes the caller's account after they prove it is them (password). Nothing may be left
 * without an owner: a tenant where they are the last owner is refused while others still belong
 * to it or it still has apps (hand it over or delete it first); an empty tenant of their own goes
 * with them. The last platform admin cannot leave the installation without one.
 */
export async function deleteAccount(
  db: DbClient,
  input: { userId: string; password: string },
  throttle: SignInThrottle = defaultSignInThrottle,
): Promise<DeleteAccountResult> {
  const user = await verifyCurrentPassword(db, { userId: input.userId, password: input.password }, throttle);
  return withTransaction(db, async (tx) => {
    if (user.isPlatformAdmin) {
      const admins = await tx.user.count({ where: { isPlatformAdmin: true } });
      if (admins <= 1) {
        throw new AppError("CONFLICT", { userMessage: "You are the only platform admin: make another user platform admin before deleting your account." });
      }
    }
    const owned = await tx.membership.findMany({
      where: { userId: user.id, role: "owner" },
      select: {
        tenant: {
          select: {
            id: true,
            name: true,
            _count: { select: { apps: true, members: true } },
            members: { where: { role: "owner", userId: { not: user.id } }, select: { id: true } },
          },
        },
      },
    });
    const soleOwned = owned.map((m) => m.tenant).filter((t) => t.members.length === 0);
    const blocking = soleOwned.filter((t) => t._count.apps > 0 || t._count.members > 1);
    if (blocking.length) {
      const names = blocking.map((t) => `"${t.name}"`).join(", ");
      throw new AppError("CONFLICT", {
        userMessage: `You are the last owner of ${names}. Make another member owner, or delete its apps and the tenant, before deleting your account.`,
      });
    }
    const emptyTenants = soleOwned.map((t) => t.id);
    await tx.tenant.deleteMany({ where: { id: { in: emptyTenants } } });
    // Sessions, memberships and tokens go with the user (cascades); audit events keep the user's id.
    await tx.user.delete({ where: { id: user.id } });
    return { tenantsDeleted: soleOwned.map((t) => t.name) };
  });
}
