import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { createTenant } from "@berth/core/tenants/create-tenant";
import { createApiToken, revokeApiToken } from "@berth/core/tokens/api-token";
import type { TokenScope } from "@berth/core/tokens/token-scope";
import { createDb } from "@berth/db/client";
import { trpcCall, type TrpcCallOptions } from "./support/trpc-call";
import { removedWhenDone } from "./support/test-rows";

// Through the fetch handler the console mounts, with bearer tokens the way the CLI sends them.
const config = loadConfig();
const db = createDb(config.postgres.url);
const { emails, tenants } = removedWhenDone(db);

const call = (path: string, options: Omit<TrpcCallOptions, "cookie"> = {}) => trpcCall({ db, config }, path, options);

/** An owner of a fresh tenant, with one token of each scope. */
async function ownerWithTokens() {
  const email = `api-scope-${randomBytes(6).toString("hex")}@api-tests.berth.test`;
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("irrelevant") }, select: { id: true } });
  const tenant = `sc-${randomBytes(4).toString("hex")}`;
  tenants.push(tenant);
  await createTenant(db, { userId: user.id, name: tenant });
  const tokens = {} as Record<TokenScope, string>;
  for (const scope of ["read", "deploy", "admin"] as const) tokens[scope] = (await createApiToken(db, { userId: user.id, name: scope, scope })).token;
  return { userId: user.id, tenant, tokens };
}

test("a read token reads but cannot change anything, with a sentence naming the scope it needs", async () => {
  const { tenant, tokens } = await ownerWithTokens();
  assert.equal((await call("apps.list", { token: tokens.read, input: { tenant } })).status, 200);
  assert.equal((await call("tenants.members", { token: tokens.read, input: { tenant } })).status, 200);
  assert.equal((await call("tokens.list", { token: tokens.read })).status, 200);
  for (const [path, input] of [
    ["apps.create", { tenant, name: "web" }],
    ["config.set", { tenant, app: "web", set: { A: "1" } }],
    ["tenants.invite", { tenant, email: "x@example.test", role: "viewer" }],
    ["tokens.create", { name: "more", scope: "admin", expiresInDays: null }],
  ] as const) {
    const res = await call(path, { method: "POST", token: tokens.read, input });
    assert.equal(res.status, 403, path);
    assert.match(res.body.error.data.userMessage, /"read" scope.*"(deploy|admin)" scope/, path);
  }
  assert.equal(await db.app.count({ where: { tenant: { name: tenant } } }), 0);
});

test("a deploy token deploys (apps, config) but cannot manage members, tokens or the tenant", async () => {
  const { tenant, tokens } = await ownerWithTokens();
  assert.equal((await call("apps.create", { method: "POST", token: tokens.deploy, input: { tenant, name: "web" } })).status, 200);
  assert.equal((await call("config.set", { method: "POST", token: tokens.deploy, input: { tenant, app: "web", set: { A: "1" } } })).status, 200);
  for (const [path, input] of [
    ["tenants.invite", { tenant, email: "x@example.test", role: "viewer" }],
    ["tenants.delete", { tenant }],
    ["tokens.create", { name: "more", scope: "admin", expiresInDays: null }],
    ["tenants.create", { name: `x-${randomBytes(3).toString("hex")}` }],
  ] as const) {
    const res = await call(path, { method: "POST", token: tokens.deploy, input });
    assert.equal(res.status, 403, path);
    assert.match(res.body.error.data.userMessage, /"deploy" scope.*"admin" scope/, path);
  }
  await db.app.deleteMany({ where: { tenant: { name: tenant } } });
});

test("an admin token does everything its user may, and no more than the user's role", async () => {
  const { tenant, tokens } = await ownerWithTokens();
  const invite = await call("tenants.invite", { method: "POST", token: tokens.admin, input: { tenant, email: "x@example.test", role: "viewer" } });
  assert.equal(invite.status, 200, JSON.stringify(invite.body));
  assert.match(invite.body.result.data.url, /\/invite\/[A-Za-z0-9_-]{43}$/);

  // The invited user joins as viewer; their admin token is still bound by the viewer role.
  const email = `api-scope-viewer-${randomBytes(6).toString("hex")}@api-tests.berth.test`;
  emails.push(email);
  const viewer = await db.user.create({ data: { email, passwordHash: await hashPassword("irrelevant") }, select: { id: true } });
  const viewerToken = (await createApiToken(db, { userId: viewer.id, name: "v", scope: "admin" })).token;
  const token = invite.body.result.data.url.split("/invite/")[1];
  const accepted = await call("tenants.acceptInvite", { method: "POST", token: viewerToken, input: { token } });
  assert.deepEqual(accepted.body.result.data, { tenant, role: "viewer" });
  const create = await call("apps.create", { method: "POST", token: viewerToken, input: { tenant, name: "nope" } });
  assert.equal(create.status, 403);
  assert.match(create.body.error.data.userMessage, /viewer/);
});

test("expired and revoked tokens are refused as unauthenticated", async () => {
  const { userId, tenant } = await ownerWithTokens();
  const expired = await createApiToken(db, { userId, name: "old", scope: "admin", expiresAt: new Date(Date.now() - 1000) });
  const revoked = await createApiToken(db, { userId, name: "gone", scope: "admin" });
  await revokeApiToken(db, { userId, tokenId: revoked.tokenId });
  for (const token of [expired.token, revoked.token]) {
    const res = await call("apps.list", { token, input: { tenant } });
    assert.equal(res.status, 401);
    assert.match(res.body.error.data.userMessage, /expired or was revoked/);
  }
});

test("tokens over the API: the secret comes back once, the list has none, revoke works, bad input is refused", async () => {
  const { tokens } = await ownerWithTokens();
  const created = await call("tokens.create", { method: "POST", token: tokens.admin, input: { name: "ci", scope: "deploy", expiresInDays: 7 } });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const secret: string = created.body.result.data.token;
  assert.match(secret, /^berth_/);
  const listed = await call("tokens.list", { token: tokens.admin });
  assert.equal(JSON.stringify(listed.body).includes(secret), false);
  assert.ok(listed.body.result.data.some((t: { name: string; scope: string }) => t.name === "ci" && t.scope === "deploy"));
  assert.equal((await call("tokens.revoke", { method: "POST", token: tokens.admin, input: { id: created.body.result.data.id } })).status, 200);
  assert.equal((await call("tokens.list", { token: secret })).status, 401);

  const bad = await call("tokens.create", { method: "POST", token: tokens.admin, input: { name: "x".repeat(101), scope: "deploy", expiresInDays: 7 } });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.data.userMessage, /at most 100/);
  const badScope = await call("tokens.create", { method: "POST", token: tokens.admin, input: { name: "x", scope: "root", expiresInDays: 7 } });
  assert.equal(badScope.status, 400);
  assert.match(badScope.body.error.data.userMessage, /read, deploy or admin/);
});
