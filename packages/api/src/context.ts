import type { BerthConfig } from "@berth/config/config";
import { resolveSession, type SessionUser } from "@berth/core/auth/sessions";
import { authenticateApiToken } from "@berth/core/tokens/api-token";
import type { TokenScope } from "@berth/core/tokens/token-scope";
import type { Database } from "@berth/db/client";

/**
 * How the API hands a session token to the client and takes it back. The transport (the Next.js
 * route today) decides what that means, so the API never touches HTTP headers itself.
 */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface ApiContext {
  db: Database;
  config: BerthConfig;
  /** The raw token the request presented, kept so sign-out can revoke exactly that session. */
  sessionToken: string | null;
  user: SessionUser | null;
  /** Set when the caller authenticated with an API token: what that token may do. Sessions are not limited. */
  tokenScope?: TokenScope | null;
  /** The API token the caller authenticated with, for the audit log. */
  tokenId?: string | null;
  /** Why `user` is null although credentials were presented, for a precise UNAUTHORIZED message. */
  credentialProblem?: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionCookie: SessionCookie;
}

export interface CreateContextOptions {
  db: Database;
  config: BerthConfig;
  sessionToken: string | null;
  /** From `Authorization: Bearer …` (CLI, scripts); takes precedence over the cookie. */
  apiToken?: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionCookie: SessionCookie;
}

export async function createApiContext({ apiToken, ...options }: CreateContextOptions): Promise<ApiContext> {
  // A bearer token is a deliberate choice of identity: when it fails, falling back to a cookie
  // would act as someone the caller did not name.
  if (apiToken) {
    const tokenUser = await authenticateApiToken(options.db, apiToken);
    if (!tokenUser) {
      return { ...options, user: null, credentialProblem: "The API token is not valid, has expired or was revoked. Log in again with a new token." };
    }
    const { tokenId, scope, ...user } = tokenUser;
    return { ...options, user, tokenScope: scope, tokenId, credentialProblem: null };
  }
  const session = await resolveSession(options.db, options.sessionToken);
  return { ...options, user: session?.user ?? null, tokenScope: null, credentialProblem: null };
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function readBearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
