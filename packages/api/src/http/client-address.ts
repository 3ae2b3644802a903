/**
 * The client's address as the nearest proxy saw it. Next.js does not expose the socket address to
 * route handlers, so this reads X-Forwarded-For, and takes its LAST entry: that one was appended by
 * the proxy in front of us (the router or Next's own server), while earlier entries come from the
 * client and can be forged to dodge the per-address sign-in backoff.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  if (last) return last;
  return headers.get("x-real-ip")?.trim() || null;
}
