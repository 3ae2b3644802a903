import { createCaller } from "@berth/api/root";
import type { SessionUser } from "@berth/core/auth/sessions";
import { getConfig, getDb } from "./services";

/**
 * The API as the signed-in user, for server components: the same procedures, checks and errors
 * the browser gets, so a page never reads the database around them.
 */
export function callerFor(user: SessionUser) {
  return createCaller({
    db: getDb(),
    config: getConfig(),
    sessionToken: null,
    user,
    ip: null,
    userAgent: null,
    sessionCookie: { set: () => {}, clear: () => {} }, // a page render never signs in or out
  });
}
