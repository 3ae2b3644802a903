import type { DbClient } from "@berth/db/client";
import { generateSessionToken, hashSessionToken } from "./session-token";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Recording every request would turn each page load into a write; once a minute is precise enough. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

const userSelect = { id: true, email: true, name: true, isPlatformAdmin: true } as const;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
}

export interface ResolvedSession {
  sessionId: string;
  expiresAt: Date;
  user: SessionUser;
}

export interface CreatedSession {
  sessionId: string;
  /** The only copy of the token; give it to the client and forget it. */
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbClient,
  { userId, ip, userAgent }: { userId: string; ip?: string | null; userAgent?: string | null },
): Promise<CreatedSession> {
  const token = generateSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const session = await db.session.create({
    data: { tokenHash: hashSessionToken(token), userId, expiresAt, ip: ip ?? null, userAgent: userAgent?.slice(0, 512) ?? null },
    select: { id: true },
  });
  return { sessionId: session.id, token, expiresAt };
}

/** The signed-in user behind a token, or null when the token is unknown, revoked or expired. */
export async function resolveSession(db: DbClient, token: string | null | undefined): Promise<ResolvedSession | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: userSelect } },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return { sessionId: session.id, expiresAt: session.expiresAt, user: session.user };
}

/** Idempotent: revoking an unknown or already revoked token is not an error. */
export async function revokeSession(db: DbClient, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}
