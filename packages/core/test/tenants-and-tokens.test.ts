import assert from "node:assert/strict";
import { after, test } from "node:test";
import { AppError } from "../src/errors/app-error";
import { ensureMembership, ensureTenant } from "../src/tenants/ensure-tenant";
import { authenticateApiToken, createApiToken, hashApiToken, revokeApiToken } from "../src/tokens/api-token";
import { CLI_TOKEN_NAME, ensureCliLogin } from "../src/tokens/ensure-cli-login";
import { Fixtures, openTestDb, uniqueEmail } from "./helpers";

const db = openTestDb();
const fixtures = new Fixtures(db, "t");
after(async () => {
  await fixtures.cleanUp();
  await db.$disconnect();
});

const makeUser = () => fixtures.user("token");
const tenantName = () => fixtures.tenantName();

test("ensureTenant and ensureMembership are idempotent and put the role back", async () => {
  const user = await makeUser();
  const name = tenantName();
  const a = await ensureTenant(db, { name });
  const b = await ensureTenant(db, { name });
  assert.equal(a.tenantId, b.tenantId);
  await ensureMembership(db, { tenantId: a.tenantId, userId: user.id, role: "owner" });
  await db.membership.updateMany({ where: { tenantId: a.tenantId, userId: user.id }, data: { role: "viewer" } });
  await ensureMembership(db, { tenantId: a.tenantId, userId: user.id, role: "owner" });
  const rows = await db.membership.findMany({ where: { tenantId: a.tenantId } });
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.role, "owner");
  await assert.rejects(ensureTenant(db, { name: "Not_A_Label" }), (e) => AppError.is(e) && e.code === "INVALID_INPUT");
});

test("an API token is shown once, stored as its SHA-256 and authenticates its user", async () => {
  const user = await makeUser();
  const created = await createApiToken(db, { userId: user.id, name: "laptop" });
  assert.match(created.token, /^berth_[A-Za-z0-9_-]{43}$/);
  const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.tokenId } });
  assert.equal(row.tokenHash, hashApiToken(created.token));
  assert.equal(JSON.stringify(row).includes(created.token), false);
  assert.equal(row.lastUsedAt, null);

  const who = await authenticateApiToken(db, created.token);
  assert.equal(who?.id, user.id);
  assert.equal(who?.email, user.email);
  const used = await db.apiToken.findUniqueOrThrow({ where: { id: created.tokenId } });
  assert.ok(used.lastUsedAt, "lastUsedAt is recorded");
});

test("unknown, malformed, expired and revoked tokens authenticate nobody", async () => {
  const user = await makeUser();
  assert.equal(await authenticateApiToken(db, null), null);
  assert.equal(await authenticateApiToken(db, ""), null);
  assert.equal(await authenticateApiToken(db, "berth_nope"), null);
  assert.equal(await authenticateApiToken(db, "no-prefix"), null);

  const expired = await createApiToken(db, { userId: user.id, name: "old", expiresAt: new Date(Date.now() - 1000) });
  assert.equal(await authenticateApiToken(db, expired.token), null);

  const revoked = await createApiToken(db, { userId: user.id, name: "gone" });
  await revokeApiToken(db, { userId: user.id, tokenId: revoked.tokenId });
  await revokeApiToken(db, { userId: user.id, tokenId: revoked.tokenId }); // idempotent
  assert.equal(await authenticateApiToken(db, revoked.token), null);

  const other = await makeUser();
  const theirs = await createApiToken(db, { userId: other.id, name: "theirs" });
  await assert.rejects(revokeApiToken(db, { userId: user.id, tokenId: theirs.tokenId }), (e) => AppError.is(e) && e.code === "NOT_FOUND");
  assert.equal((await authenticateApiToken(db, theirs.token))?.id, other.id, "someone else cannot revoke my token");
});

test("ensureCliLogin makes the admin owner of the tenant and keeps a working token", async () => {
  const admin = await makeUser();
  const tenant = tenantName();
  const first = await ensureCliLogin(db, { adminEmail: admin.email.toUpperCase(), tenant });
  assert.equal(first.created, true);
  assert.equal((await authenticateApiToken(db, first.token))?.id, admin.id);
  const membership = await db.membership.findFirstOrThrow({ where: { tenant: { name: tenant }, userId: admin.id } });
  assert.equal(membership.role, "owner");

  const again = await ensureCliLogin(db, { adminEmail: admin.email, tenant, currentToken: first.token });
  assert.equal(again.created, false);
  assert.equal(again.token, first.token);

  const replaced = await ensureCliLogin(db, { adminEmail: admin.email, tenant, currentToken: "berth_lost" });
  assert.equal(replaced.created, true);
  assert.equal(await authenticateApiToken(db, first.token), null, "the replaced bring-up token is revoked");
  assert.equal(await db.apiToken.count({ where: { userId: admin.id, name: CLI_TOKEN_NAME, revokedAt: null } }), 1);

  await assert.rejects(ensureCliLogin(db, { adminEmail: uniqueEmail("nobody"), tenant }), (e) => AppError.is(e) && e.code === "NOT_FOUND");
});
