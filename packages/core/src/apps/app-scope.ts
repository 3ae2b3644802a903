import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { roleAtLeast, type Role } from "../tenants/roles";

export interface AppRef {
  userId: string;
  tenant: string;
  app: string;
}

/**
 * The where clause for "this app, in this tenant, which this user is a member of". The membership
 * is part of the query, so an app of another tenant is indistinguishable from one that does not exist.
 */
export function memberAppWhere({ userId, tenant, app }: AppRef) {
  return { name: app, tenant: { name: tenant, members: { some: { userId } } } };
}

export function appNotFound({ tenant, app }: Pick<AppRef, "tenant" | "app">): AppError {
  return new AppError("NOT_FOUND", { userMessage: `No app named "${app}" in tenant "${tenant}".` });
}

/**
 * Finds the app for a member and checks the member's role; a member without the role gets
 * FORBIDDEN (they can see the app exists), anyone else NOT_FOUND.
 */
export async function requireAppAccess(db: DbClient, ref: AppRef, needed: Role): Promise<{ id: string; tenantId: string; role: Role }> {
  const row = await db.app.findFirst({
    where: memberAppWhere(ref),
    select: { id: true, tenantId: true, tenant: { select: { members: { where: { userId: ref.userId }, select: { role: true } } } } },
  });
  const role = row?.tenant.members[0]?.role;
  if (!row || !role) throw appNotFound(ref);
  if (!roleAtLeast(role, needed)) {
    throw new AppError("FORBIDDEN", {
      message: `user ${ref.userId} is ${role} in ${ref.tenant}, needs ${needed}`,
      userMessage: `Your role in "${ref.tenant}" (${role}) cannot do this; it needs ${needed} or above.`,
    });
  }
  return { id: row.id, tenantId: row.tenantId, role };
}
