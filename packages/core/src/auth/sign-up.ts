import { Prisma, withTransaction, type DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { checkEmail, checkNewPassword, MAX_NAME_LENGTH } from "./account-rules";
import { normalizeEmail } from "./normalize-email";
import { hashPassword } from "./password";
import { createSession, type SessionUser } from "./sessions";

export interface SignUpInput {
  email: string;
  password: string;
  name?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface SignUpResult {
  user: SessionUser;
  token: string;
  expiresAt: Date;
}

// Any constant works; it only has to be the same for every sign-up so the "first user?" check is serialised.
const FIRST_USER_LOCK = 4_214_001;

/**
 * Creates an account and signs it in. The very first account of an installation becomes platform
 * admin; bring-up normally creates that admin, so on most installations sign-ups are plain users.
 */
export async function signUp(db: DbClient, input: SignUpInput): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  checkEmail(email);
  checkNewPassword(input.password);
  const name = input.name?.trim() || null;
  if (name && name.length > MAX_NAME_LENGTH) throw new AppError("INVALID_INPUT", { userMessage: `A name may have at most ${MAX_NAME_LENGTH} characters.` });

  const passwordHash = await hashPassword(input.password);
  let user: SessionUser;
  try {
    user = await withTransaction(db, async (tx) => {
      // Two sign-ups on an empty installation must not both see "no users yet" and both become admin.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK})`;
      const isPlatformAdmin = (await tx.user.count()) === 0;
      return tx.user.create({
        data: { email, name, passwordHash, isPlatformAdmin },
        select: { id: true, email: true, name: true, isPlatformAdmin: true },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { message: `sign-up for existing ${email}`, userMessage: "An account with this email already exists. Sign in instead." });
    }
    throw error;
  }
  const session = await createSession(db, { userId: user.id, ip: input.ip, userAgent: input.userAgent });
  return { user, token: session.token, expiresAt: session.expiresAt };
}
