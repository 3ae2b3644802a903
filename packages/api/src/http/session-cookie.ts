export const SESSION_COOKIE_NAME = "berth_session";

/**
 * HttpOnly keeps the token away from page scripts; SameSite=Lax stops other sites from making
 * signed-in POSTs while links into the console still work; Secure only when the console is served
 * over https, or browsers would drop the cookie on a plain-http install.
 */
export function serializeSessionCookie(token: string, expiresAt: Date, { secure }: { secure: boolean }): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    `${SESSION_COOKIE_NAME}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function serializeClearedSessionCookie({ secure }: { secure: boolean }): string {
  return [`${SESSION_COOKIE_NAME}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT", ...(secure ? ["Secure"] : [])].join("; ");
}

/** The session token from a Cookie request header, or null. */
export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== SESSION_COOKIE_NAME) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null; // a mangled cookie is the same as no cookie
    }
  }
  return null;
}

export function isSecureConsole(publicUrl: string): boolean {
  return publicUrl.startsWith("https:");
}
