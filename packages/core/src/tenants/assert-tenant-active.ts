import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";

/**
 * Refuses a change by a member of a suspended tenant. Non-members (and tenants that do not exist)
 * pass: the change's own access check answers NOT_FOUND, so this check never tells a stranger
 * that a tenant exists, let alone that it is suspended.
 */
export async function assertTenantActive(db: DbClient, { tenant, userId }: { tenant: string; userId: string }): Promise<void> {
  const row = await db.tenant.findFirst({
    where: { name: tenant, members: { some: { userId } } },
    select: { suspendedAt: true, suspendedReason: true },
  });
  if (!row?.suspendedAt) return;
  throw new AppError("FORBIDDEN", {
    message: `tenant ${tenant} is suspended`,
    userMessage: `"${tenant}" is suspended by a platform admin (${row.suspendedReason ?? "no reason given"}). Changes and deploys are refused until it is resumed; ask your platform admin.`,
  });
}
