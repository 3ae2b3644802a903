/**
 * Slows down password guessing. After a few failures for the same key (an email address or a
 * client IP), further attempts are refused for a delay that doubles with each failure. It lives in
 * memory: Berth runs one web process per installation today, and a restart forgetting the counters
 * only gives an attacker a handful of extra guesses. Move it to Redis when the console scales out.
 */
export interface ThrottleLimits {
  /** Failures allowed before the first delay. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts from zero again. */
  forgetAfterMs: number;
}

export const EMAIL_LIMITS: ThrottleLimits = { freeFailures: 4, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
/** Looser per IP: several people may sign in from behind one NAT. */
export const IP_LIMITS: ThrottleLimits = { freeFailures: 20, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

interface Entry {
  failures: number;
  blockedUntil: number;
  forgetAt: number;
}

const MAX_ENTRIES = 10_000;

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the caller must still wait before trying `key` again (0 = go ahead). */
  waitMs(key: string): number {
    const entry = this.live(key);
    return entry ? Math.max(0, entry.blockedUntil - this.now()) : 0;
  }

  recordFailure(key: string, limits: ThrottleLimits): void {
    const now = this.now();
    const entry = this.live(key) ?? { failures: 0, blockedUntil: 0, forgetAt: 0 };
    entry.failures += 1;
    const over = entry.failures - limits.freeFailures;
    if (over > 0) entry.blockedUntil = now + Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** (over - 1));
    entry.forgetAt = now + limits.forgetAfterMs;
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.prune();
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.forgetAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    for (const key of [...this.entries.keys()]) this.live(key);
    // Still full (an attack from many addresses): drop the oldest; Map keeps insertion order.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(key);
    }
  }
}

/** Shared by every password check in this process (sign-in, change password); tests pass their own. */
export const defaultSignInThrottle = new SignInThrottle();
