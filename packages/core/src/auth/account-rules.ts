import { AppError } from "../errors/app-error";

/** Long enough to resist offline guessing of a leaked hash; no composition rules, they push people to worse passwords. */
export const MIN_PASSWORD_LENGTH = 10;
/** scrypt hashes any length, but a megabyte "password" is a cheap way to burn CPU. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_EMAIL_LENGTH = 320;
export const MAX_NAME_LENGTH = 100;

// Deliberately loose: one @, something on both sides, a dot in the domain. The real check is the invite link reaching someone.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string): void {
  if (email.length > MAX_EMAIL_LENGTH) throw new AppError("INVALID_INPUT", { userMessage: "That email address is too long." });
  if (!EMAIL_SHAPE.test(email)) throw new AppError("INVALID_INPUT", { userMessage: `"${email.slice(0, 80)}" is not an email address.` });
}

export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("INVALID_INPUT", { userMessage: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` });
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new AppError("INVALID_INPUT", { userMessage: "That password is too long." });
}
