import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { normalizeEmail } from "../auth/normalize-email";
import { ensureMembership, ensureTenant } from "../tenants/ensure-tenant";
import { authenticateApiToken, createApiToken } from "./api-token";

export const CLI_TOKEN_NAME = "berth CLI (bring-up)";

export interface EnsureCliLoginResult {
  userId: string;
  tenantId: string;
  tenant: string;
  /** The token to write into the CLI config: `currentToken` when it still works, else a new one. */
  token: string;
  created: boolean;
}

/**
 * Bring-up leaves the operator's CLI signed in as the platform admin, owner of the default tenant.
 * Passing the token already in the CLI config keeps it when it still authenticates as the admin,
 * so repeated bring-ups do not pile up tokens; a replaced bring-up token is revoked.
 */
export async function ensureCliLogin(
  db: DbClient,
  { adminEmail, tenant, currentToken = null }: { adminEmail: string; tenant: string; currentToken?: string | null },
): Promise<EnsureCliLoginResult> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(adminEmail) }, select: { id: true } });
  if (!user) {
    throw new AppError("NOT_FOUND", { message: `no user ${adminEmail}`, userMessage: "The platform admin does not exist yet; run ensureAdmin first." });
  }
  const { tenantId } = await ensureTenant(db, { name: tenant });
  await ensureMembership(db, { tenantId, userId: user.id, role: "owner" });

  const current = await authenticateApiToken(db, currentToken);
  // The operator's CLI does everything the admin may, so anything less than admin scope is replaced.
  if (current && current.id === user.id && current.scope === "admin" && currentToken) {
    return { userId: user.id, tenantId, tenant, token: currentToken, created: false };
  }
  await db.apiToken.updateMany({ where: { userId: user.id, name: CLI_TOKEN_NAME, revokedAt: null }, data: { revokedAt: new Date() } });
  const { token } = await createApiToken(db, { userId: user.id, name: CLI_TOKEN_NAME, scope: "admin" });
  return { userId: user.id, tenantId, tenant, token, created: true };
}
