import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe, handed to the browser once; only its hash is stored. */
export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
