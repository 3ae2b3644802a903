import assert from "node:assert/strict";
import { after, test } from "node:test";
import { hashPassword } from "../src/auth/password";
import { AppError } from "../src/errors/app-error";
import { authenticateApiToken, revokeApiToken } from "../src/tokens/api-token";
import { createPersonalToken } from "../src/tokens/create-personal-token";
import { listApiTokens } from "../src/tokens/list-api-tokens";
import { requiredScope, scopeAllows } from "../src/tokens/token-scope";
import { deleteUsers, openTestDb, uniqueEmail } from "./helpers";

const db = openTestDb();
const emails: string[] = [];
after(async () => {
  await deleteUsers(db, emails);
  await db.$disconnect();
});

test("read tokens only read; deploy tokens change apps, config, releases; everything else needs admin", () => {
  assert.equal(requiredScope({ type: "query", path: "tenants.members" }), "read");
  for (const path of ["apps.create", "apps.destroy", "config.set", "releases.rollback"]) assert.equal(requiredScope({ type: "mutation", path }), "deploy");
  for (const path of ["tenants.invite", "tenants.changeRole", "tokens.create", "auth.changePassword", "someday.newThing"]) {
    assert.equal(requiredScope({ type: "mutation", path }), "admin", path);
  }
  assert.equal(scopeAllows("read", "deploy"), false);
  assert.equal(scopeAllows("deploy", "deploy"), true);
  assert.equal(scopeAllows("deploy", "admin"), false);
  assert.equal(scopeAllows("admin", "read"), true);
});

test("personal tokens carry name, scope and expiry; the secret is only hashed; list shows state, never secrets", async () => {
  const email = uniqueEmail("tokens");
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("irrelevant") }, select: { id: true } });
  const read = await createPersonalToken(db, { userId: user.id, name: "ci", scope: "read", expiresInDays: 30 });
  const never = await createPersonalToken(db, { userId: user.id, name: "laptop", scope: "deploy", expiresInDays: null });
  assert.equal(never.expiresAt, null);
  const days = ((read.expiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
  assert.ok(days > 29.9 && days <= 30);
  assert.equal((await authenticateApiToken(db, read.token))?.scope, "read");
  assert.equal((await authenticateApiToken(db, never.token))?.scope, "deploy");

  await assert.rejects(createPersonalToken(db, { userId: user.id, name: "x", scope: "read", expiresInDays: 0 }), (e) => AppError.is(e) && e.code === "INVALID_INPUT");
  await assert.rejects(createPersonalToken(db, { userId: user.id, name: "x", scope: "read", expiresInDays: 1000 }), (e) => AppError.is(e) && e.code === "INVALID_INPUT");
  await assert.rejects(createPersonalToken(db, { userId: user.id, name: " ", scope: "read", expiresInDays: null }), (e) => AppError.is(e) && e.code === "INVALID_INPUT");

  const expired = await createPersonalToken(db, { userId: user.id, name: "old", scope: "admin", expiresInDays: 1 });
  await db.apiToken.update({ where: { id: expired.tokenId }, data: { expiresAt: new Date(Date.now() - 1) } });
  await revokeApiToken(db, { userId: user.id, tokenId: read.tokenId });
  const listed = await listApiTokens(db, { userId: user.id });
  assert.deepEqual(Object.fromEntries(listed.map((t) => [t.name, t.state])), { ci: "revoked", laptop: "active", old: "expired" });
  const text = JSON.stringify(listed);
  for (const secret of [read.token, never.token, expired.token]) assert.equal(text.includes(secret), false);
  assert.equal(await authenticateApiToken(db, expired.token), null);
  assert.equal(await authenticateApiToken(db, read.token), null);
});
