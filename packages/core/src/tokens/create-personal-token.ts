import { AppError } from "../errors/app-error";
import type { DbClient } from "@berth/db/client";
import { createApiToken, type CreatedApiToken } from "./api-token";
import type { TokenScope } from "./token-scope";

export const MAX_TOKEN_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A token a person makes for themselves: named, scoped, and expiring after whole days or never. */
export async function createPersonalToken(
  db: DbClient,
  { userId, name, scope, expiresInDays }: { userId: string; name: string; scope: TokenScope; expiresInDays: number | null },
): Promise<CreatedApiToken> {
  if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS)) {
    throw new AppError("INVALID_INPUT", { userMessage: `A token expires after 1 to ${MAX_TOKEN_DAYS} days, or never.` });
  }
  const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * DAY_MS);
  return createApiToken(db, { userId, name, scope, expiresAt });
}
