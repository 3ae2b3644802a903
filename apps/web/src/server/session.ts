import { resolveSession, type SessionUser } from "@berth/core/auth/sessions";
import { SESSION_COOKIE_NAME } from "@berth/api/http/session-cookie";
import { cookies } from "next/headers";
import { getDb } from "./services";

/** The signed-in user for a server component, from the `berth_session` cookie. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE_NAME)?.value;
  if (!token) return null;
  const session = await resolveSession(getDb(), token);
  return session?.user ?? null;
}

export function homeFor(user: SessionUser): string {
  return user.isPlatformAdmin ? "/admin/health" : "/tenants";
}
