import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { hashPassword, verifyPassword } from "./password";
import { normalizeEmail } from "./normalize-email";

export interface EnsureAdminResult {
  userId: string;
  created: boolean;
  /** True when the stored hash no longer matched the configured password and was replaced. */
  passwordReset: boolean;
}

/**
 * Makes sure the configured platform admin exists, is a platform admin and signs in with the
 * configured password. Bring-up runs this on every start and prints that password, so whatever
 * happened to the row since (a changed password, a demoted flag) is put back.
 */
export async function ensureAdmin(db: DbClient, { email, password }: { email: string; password: string }): Promise<EnsureAdminResult> {
  if (!password) {
    throw new AppError("INVALID_INPUT", {
      message: "ensureAdmin called without a password",
      userMessage: "No admin password is configured (BERTH_ADMIN_PASSWORD).",
    });
  }
  const normalized = normalizeEmail(email);
  const existing = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, passwordHash: true, isPlatformAdmin: true },
  });

  if (!existing) {
    // upsert rather than create: two bring-ups racing must not fail on the unique email.
    const user = await db.user.upsert({
      where: { email: normalized },
      create: { email: normalized, name: "Platform admin", passwordHash: await hashPassword(password), isPlatformAdmin: true },
      update: {},
      select: { id: true },
    });
    return { userId: user.id, created: true, passwordReset: false };
  }

  const passwordReset = !(await verifyPassword(password, existing.passwordHash));
  if (passwordReset || !existing.isPlatformAdmin) {
    await db.user.update({
      where: { id: existing.id },
      data: { isPlatformAdmin: true, ...(passwordReset ? { passwordHash: await hashPassword(password) } : {}) },
    });
  }
  // A password that changed underneath must not leave sessions opened with the old one alive.
  if (passwordReset) await db.session.deleteMany({ where: { userId: existing.id } });
  return { userId: existing.id, created: false, passwordReset };
}
