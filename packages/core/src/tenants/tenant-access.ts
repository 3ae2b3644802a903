import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { roleAtLeast, type Role } from "./roles";

export function tenantNotFound(tenant: string): AppError {
  return new AppError("NOT_FOUND", { userMessage: `No tenant named "${tenant}".` });
}

/**
 * The tenant, for a member holding at least `needed`. Membership is part of the query, so a tenant
 * the user does not belong to answers exactly like one that does not exist.
 */
export async function requireTenantRole(
  db: DbClient,
  { userId, tenant }: { userId: string; tenant: string },
  needed: Role,
): Promise<{ tenantId: string; role: Role }> {
  const row = await db.membership.findFirst({ where: { userId, tenant: { name: tenant } }, select: { tenantId: true, role: true } });
  if (!row) throw tenantNotFound(tenant);
  if (!roleAtLeast(row.role, needed)) {
    throw new AppError("FORBIDDEN", {
      message: `user ${userId} is ${row.role} in ${tenant}, needs ${needed}`,
      userMessage: `Your role in "${tenant}" (${row.role}) cannot do this; it needs ${needed} or above.`,
    });
  }
  return row;
}

/**
 * Membership changes of one tenant run one at a time: with the tenant row locked, two admins
 * demoting the two last owners at once cannot both see "another owner remains".
 */
export async function lockTenant(tx: DbClient, tenantId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tenantId} FOR UPDATE`;
}
