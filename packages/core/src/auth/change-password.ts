import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { checkNewPassword } from "./account-rules";
import { hashPassword, verifyPassword } from "./password";
import { hashSessionToken } from "./session-token";
import { defaultSignInThrottle, EMAIL_LIMITS, type SignInThrottle } from "./sign-in-throttle";

export interface ChangePasswordInput {
  userId: string;
  currentPassword: string;
  newPassword: string;
  /** The session making the change stays signed in; every other one ends. */
  keepSessionToken?: string | null;
}

/**
 * Needs the current password, so a session left open on someone else's screen cannot lock the
 * owner out. Wrong guesses count against the same per-account backoff as sign-in.
 */
export async function changePassword(
  db: DbClient,
  input: ChangePasswordInput,
  throttle: SignInThrottle = defaultSignInThrottle,
): Promise<{ sessionsEnded: number }> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, passwordHash: true } });
  if (!user) throw new AppError("UNAUTHORIZED");
  const key = `email:${user.email}`;
  const waitMs = throttle.waitMs(key);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError("RATE_LIMITED", { userMessage: `Too many wrong passwords. Try again in ${seconds} seconds.`, retryAfterSeconds: seconds });
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throttle.recordFailure(key, EMAIL_LIMITS);
    throw new AppError("FORBIDDEN", { message: `wrong current password for ${user.email}`, userMessage: "Your current password is not correct." });
  }
  checkNewPassword(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new AppError("INVALID_INPUT", { userMessage: "The new password is the same as the current one." });
  }
  throttle.reset(key);
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  const keep = input.keepSessionToken ? hashSessionToken(input.keepSessionToken) : null;
  const { count } = await db.session.deleteMany({ where: { userId: user.id, ...(keep ? { tokenHash: { not: keep } } : {}) } });
  return { sessionsEnded: count };
}
