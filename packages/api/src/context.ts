import type { BerthConfig } from "@berth/config/config";
import { resolveSession, type SessionUser } from "@berth/core/auth/sessions";
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
  ip: string | null;
  userAgent: string | null;
  sessionCookie: SessionCookie;
}

export interface CreateContextOptions {
  db: Database;
  config: BerthConfig;
  sessionToken: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionCookie: SessionCookie;
}

export async function createApiContext(options: CreateContextOptions): Promise<ApiContext> {
  const session = await resolveSession(options.db, options.sessionToken);
  return { ...options, user: session?.user ?? null };
}
