import assert from "node:assert/strict";
import { after, test } from "node:test";
import { ensureAdmin } from "../src/auth/ensure-admin";
import { hashPassword, verifyPassword } from "../src/auth/password";
import { createSession } from "../src/auth/sessions";
import { AppError } from "../src/errors/app-error";
import { deleteUsers, openTestDb, uniqueEmail } from "./helpers";

const db = openTestDb();
const emails: string[] = [];
after(async () => {
  await deleteUsers(db, emails);
  await db.$disconnect();
});

test("ensureAdmin creates the platform admin once and then leaves it alone", async () => {
  const email = uniqueEmail("admin");
  emails.push(email);

  const first = await ensureAdmin(db, { email, password: "first-password" });
  assert.deepEqual({ created: first.created, passwordReset: first.passwordReset }, { created: true, passwordReset: false });
  const row = await db.user.findUniqueOrThrow({ where: { email } });
  assert.equal(row.isPlatformAdmin, true);
  assert.equal(await verifyPassword("first-password", row.passwordHash), true);

  const again = await ensureAdmin(db, { email, password: "first-password" });
  assert.deepEqual(again, { userId: first.userId, created: false, passwordReset: false });
  const unchanged = await db.user.findUniqueOrThrow({ where: { email } });
  assert.equal(unchanged.passwordHash, row.passwordHash, "a password that still verifies is not rehashed");
  assert.equal(await db.user.count({ where: { email } }), 1);
});

test("ensureAdmin matches the email case-insensitively", async () => {
  const email = uniqueEmail("admin-case");
  emails.push(email);
  const first = await ensureAdmin(db, { email: email.toUpperCase(), password: "pw-one" });
  const second = await ensureAdmin(db, { email, password: "pw-one" });
  assert.equal(second.userId, first.userId);
  assert.equal(second.created, false);
});

test("ensureAdmin resets a password that no longer verifies, restores the admin flag and ends old sessions", async () => {
  const email = uniqueEmail("admin-reset");
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("someone-changed-it"), isPlatformAdmin: false } });
  await createSession(db, { userId: user.id });

  const result = await ensureAdmin(db, { email, password: "configured-password" });
  assert.deepEqual(result, { userId: user.id, created: false, passwordReset: true });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(row.isPlatformAdmin, true);
  assert.equal(await verifyPassword("configured-password", row.passwordHash), true);
  assert.equal(await db.session.count({ where: { userId: user.id } }), 0);
});

test("concurrent bring-ups create exactly one admin", async () => {
  const email = uniqueEmail("admin-race");
  emails.push(email);
  const results = await Promise.all([1, 2, 3].map(() => ensureAdmin(db, { email, password: "race" })));
  assert.equal(new Set(results.map((r) => r.userId)).size, 1);
  assert.equal(await db.user.count({ where: { email } }), 1);
});

test("ensureAdmin refuses an empty password", async () => {
  await assert.rejects(ensureAdmin(db, { email: uniqueEmail("admin-empty"), password: "" }), (e) => e instanceof AppError && e.code === "INVALID_INPUT");
});
