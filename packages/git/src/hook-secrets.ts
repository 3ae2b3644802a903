import { createHash, randomBytes } from "node:crypto";

/** What one push may deploy: fixed by the git endpoint after it checked the token, role and tenant. */
export interface HookBinding {
  appId: string;
  appName: string;
  userId: string;
  tokenId: string | null;
  clientAddr: string | null;
  userAgent: string | null;
  /** Where the hook writes the pushed tree; chosen here, so the hook cannot point the build elsewhere. */
  sourceArchive: string;
}

interface Entry {
  binding: HookBinding;
  expiresAt: number;
}

/** Long enough for receive-pack to take in a large pack before it runs the hook. */
export const HOOK_SECRET_TTL_MS = 10 * 60 * 1000;

/**
 * One-time secrets that let a push's pre-receive hook ask the console (the process that spawned it)
 * to deploy. Only a SHA-256 of each is kept, in this process's memory: the hook reaches the same
 * process over loopback, and a console restart ends the push anyway. On globalThis because Next
 * bundles each route separately and both the git route and the hook route must see one store.
 */
const holder = globalThis as typeof globalThis & { __berthHookSecrets?: Map<string, Entry> };
const store = (holder.__berthHookSecrets ??= new Map<string, Entry>());

const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function issueHookSecret(binding: HookBinding, ttlMs: number = HOOK_SECRET_TTL_MS, now: number = Date.now()): { secret: string; revoke: () => void } {
  for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
  const secret = randomBytes(32).toString("base64url");
  const key = digest(secret);
  store.set(key, { binding, expiresAt: now + ttlMs });
  return { secret, revoke: () => store.delete(key) };
}

/** The binding for a valid secret, which is spent by this call; null when unknown, spent or expired. */
export function consumeHookSecret(secret: string | null | undefined, now: number = Date.now()): HookBinding | null {
  if (!secret) return null;
  const key = digest(secret);
  const entry = store.get(key);
  if (!entry) return null;
  store.delete(key);
  return entry.expiresAt > now ? entry.binding : null;
}
