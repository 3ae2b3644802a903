import { randomBytes } from "node:crypto";
import { loadConfig } from "@berth/config/config";
import { createDb, type Database } from "@berth/db/client";

/** The real database of this installation; each test file opens its own client and closes it. */
export function openTestDb(): Database {
  return createDb(loadConfig().postgres.url);
}

/** Addresses under .test (RFC 2606) that no real user has and no other test run shares. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(6).toString("hex")}@core-tests.berth.test`;
}

export async function deleteUsers(db: Database, emails: string[]): Promise<void> {
  await db.user.deleteMany({ where: { email: { in: emails } } });
}
