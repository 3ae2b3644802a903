import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { checkNewPassword } from "./account-rules";
import { hashPassword } from "./password";
import { hashSessionToken } from "./session-token";
import { defaultSignInThrottle, type SignInThrottle } from "./sign-in-throttle";
import { verifyCurrentPassword } from "./verify-current-password";

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
  const user = await verifyCurrentPassword(db, { userId: input.userId, password: input.currentPassword }, throttle);
  checkNewPassword(input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new AppError("INVALID_INPUT", { userMessage: "The new password is the same as the current one." });
  }
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
  const keep = input.keepSessionToken ? hashSessionToken(input.keepSessionToken) : null;
  const { count } = await db.session.deleteMany({ where: { userId: user.id, ...(keep ? { tokenHash: { not: keep } } : {}) } });
  return { sessionsEnded: count };
}
