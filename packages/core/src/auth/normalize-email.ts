/** Emails are stored and looked up in one form, so "Admin@X" and "admin@x" are the same account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
