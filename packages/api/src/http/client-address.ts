/**
 * The client's address as the nearest proxy saw it. Next.js does not expose the socket address to
 * route handlers; it fills X-Forwarded-For from the socket only when the request has none. Behind
 * the router, the LAST entry is the one the router appended, while earlier entries come from the
 * client and can be forged. Reached directly (no proxy), the whole header is the client's word, so
 * the per-address sign-in backoff is best effort there; the per-account backoff does not depend on it.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  if (last) return last;
  return headers.get("x-real-ip")?.trim() || null;
}
