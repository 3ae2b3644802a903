import { randomBytes } from "node:crypto";
import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { hashPassword, verifyPassword } from "./password";
import { createSession, type SessionUser } from "./sessions";
import { defaultSignInThrottle, EMAIL_LIMITS, IP_LIMITS, type SignInThrottle } from "./sign-in-throttle";
import { normalizeEmail } from "./normalize-email";


const WRONG_CREDENTIALS = "The email or password is not correct.";

// Verifying against a throwaway hash when the email is unknown keeps the response time the same,
// so timing does not tell an attacker which addresses have accounts.
let decoyHash: Promise<string> | undefined;
const getDecoyHash = () => (decoyHash ??= hashPassword(randomBytes(16).toString("hex")));

export interface SignInInput {
  email: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

export interface SignInResult {
  user: SessionUser;
  token: string;
  expiresAt: Date;
}

export async function signIn(db: DbClient, input: SignInInput, throttle: SignInThrottle = defaultSignInThrottle): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const keys: Array<[string, typeof EMAIL_LIMITS]> = [[`email:${email}`, EMAIL_LIMITS]];
  if (input.ip) keys.push([`ip:${input.ip}`, IP_LIMITS]);

  const waitMs = Math.max(...keys.map(([key]) => throttle.waitMs(key)));
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError("RATE_LIMITED", {
      message: `sign-in throttled for ${email} / ${input.ip ?? "no ip"} (${seconds}s)`,
      userMessage: `Too many failed sign-in attempts. Try again in ${formatWait(seconds)}.`,
      retryAfterSeconds: seconds,
    });
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, isPlatformAdmin: true, passwordHash: true },
  });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await getDecoyHash()));
  if (!user || !valid) {
    for (const [key, limits] of keys) throttle.recordFailure(key, limits);
    throw new AppError("UNAUTHORIZED", { message: `sign-in failed for ${email}`, userMessage: WRONG_CREDENTIALS });
  }

  // Only the account's counter: a success must not unlock an address that is guessing other accounts.
  throttle.reset(`email:${email}`);
  const session = await createSession(db, { userId: user.id, ip: input.ip, userAgent: input.userAgent });
  const { passwordHash: _omit, ...sessionUser } = user;
  return { user: sessionUser, token: session.token, expiresAt: session.expiresAt };
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
