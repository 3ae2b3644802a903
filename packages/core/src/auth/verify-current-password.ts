import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { verifyPassword } from "./password";
import { EMAIL_LIMITS, type SignInThrottle } from "./sign-in-throttle";

/**
 * For changes to the account itself (password, deletion): the signed-in user proves it is them
 * again, so a session left open on someone else's screen cannot take the account over or delete
 * it. Wrong guesses count against the same per-account backoff as sign-in.
 */
export async function verifyCurrentPassword(
  db: DbClient,
  { userId, password }: { userId: string; password: string },
  throttle: SignInThrottle,
): Promise<{ id: string; email: string; isPlatformAdmin: boolean }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true, isPlatformAdmin: true } });
  if (!user) throw new AppError("UNAUTHORIZED");
  const key = `email:${user.email}`;
  const waitMs = throttle.waitMs(key);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError("RATE_LIMITED", { userMessage: `Too many wrong passwords. Try again in ${seconds} seconds.`, retryAfterSeconds: seconds });
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    throttle.recordFailure(key, EMAIL_LIMITS);
    throw new AppError("FORBIDDEN", { message: `wrong current password for ${user.email}`, userMessage: "Your current password is not correct." });
  }
  throttle.reset(key);
  return { id: user.id, email: user.email, isPlatformAdmin: user.isPlatformAdmin };
}
