/**
 * Polls until `check` returns a value (functional waiting on the real Swarm and router, not a speed
 * assertion); gives up after `timeoutMs` with the last error seen.
 */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`gave up waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}
