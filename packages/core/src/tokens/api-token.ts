import { createHash, randomBytes } from "node:crypto";
import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import type { SessionUser } from "../auth/sessions";
import type { TokenScope } from "./token-scope";

/** The prefix makes a leaked token recognisable (secret scanners, logs) and tells it apart from a session. */
export const API_TOKEN_PREFIX = "berth_";
/** A token used within this window is not written again: a push or CLI call must not turn into a write each time. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export interface CreatedApiToken {
  tokenId: string;
  /** The only copy of the secret: hand it over once, it cannot be read back. */
  token: string;
  expiresAt: Date | null;
  scope: TokenScope;
}

/**
 * `scope` defaults to admin for platform tooling (bring-up's CLI login); tokens people make in the
 * console or API always name their scope.
 */
export async function createApiToken(
  db: DbClient,
  { userId, name, scope = "admin", expiresAt = null }: { userId: string; name: string; scope?: TokenScope; expiresAt?: Date | null },
): Promise<CreatedApiToken> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) {
    throw new AppError("INVALID_INPUT", { userMessage: "A token needs a name of 1 to 100 characters." });
  }
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId, name: trimmed, scope, tokenHash: hashApiToken(token), expiresAt },
    select: { id: true },
  });
  return { tokenId: row.id, token, expiresAt, scope };
}

export interface ApiTokenUser extends SessionUser {
  tokenId: string;
  scope: TokenScope;
}

/** The user behind a secret, or null when it is unknown, revoked or expired. */
export async function authenticateApiToken(db: DbClient, secret: string | null | undefined): Promise<ApiTokenUser | null> {
  if (!secret || !secret.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(secret) },
    select: {
      id: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, isPlatformAdmin: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { ...row.user, tokenId: row.id, scope: row.scope };
}

/** Idempotent; only the owner can revoke, and someone else's token id is simply not found. */
export async function revokeApiToken(db: DbClient, { userId, tokenId }: { userId: string; tokenId: string }): Promise<void> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    const exists = await db.apiToken.count({ where: { id: tokenId, userId } });
    if (!exists) throw new AppError("NOT_FOUND", { userMessage: "No such token." });
  }
}
