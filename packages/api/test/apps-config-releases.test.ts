import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken, revokeApiToken } from "@berth/core/tokens/api-token";
import { createDb } from "@berth/db/client";
import { trpcCall, type TrpcCallOptions } from "./support/trpc-call";
import { removedWhenDone } from "./support/test-rows";

// Through the fetch handler the web app mounts, authenticated the way the CLI is: a bearer API token.
const config = loadConfig();
const db = createDb(config.postgres.url);
const { emails, tenants } = removedWhenDone(db);

async function tenantWithMember(role: "owner" | "viewer" = "owner") {
  const email = `api-apps-${randomBytes(6).toString("hex")}@api-tests.berth.test`;
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("pw") }, select: { id: true } });
  const tenant = `api-${randomBytes(4).toString("hex")}`;
  tenants.push(tenant);
  const { tenantId } = await ensureTenant(db, { name: tenant });
  await ensureMembership(db, { tenantId, userId: user.id, role });
  const { token, tokenId } = await createApiToken(db, { userId: user.id, name: "test" });
  return { userId: user.id, tenant, token, tokenId };
}

const call = (path: string, options: Omit<TrpcCallOptions, "cookie"> = {}) => trpcCall({ db, config }, path, options);

test("with a bearer token: create, list, info, config and releases of an app", async () => {
  const { tenant, token } = await tenantWithMember();
  const created = await call("apps.create", { method: "POST", token, input: { tenant, name: "web" } });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.equal(created.body.result.data.gitUrl, `${config.web.publicUrl}/git/${tenant}/web.git`);

  const list = await call("apps.list", { token, input: { tenant } });
  assert.deepEqual(list.body.result.data.map((a: { name: string }) => a.name), ["web"]);
  const info = await call("apps.info", { token, input: { tenant, app: "web" } });
  assert.equal(info.body.result.data.currentRelease, null);
  assert.match(info.body.result.data.webUrl, new RegExp(`web\\.${tenant}\\.`));

  const set = await call("config.set", { method: "POST", token, input: { tenant, app: "web", set: { GREETING: "hi" } } });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.deepEqual(set.body.result.data, { deploymentId: null, description: "Set GREETING", changed: true, keys: ["GREETING"] });
  assert.deepEqual((await call("config.list", { token, input: { tenant, app: "web" } })).body.result.data, { GREETING: "••••••" });
  assert.deepEqual((await call("config.list", { token, input: { tenant, app: "web", reveal: true } })).body.result.data, { GREETING: "hi" });
  assert.deepEqual((await call("releases.list", { token, input: { tenant, app: "web" } })).body.result.data, []);
});

test("bad names, taken names and the reserved PORT answer with the service's sentence", async () => {
  const { tenant, token } = await tenantWithMember();
  const bad = await call("apps.create", { method: "POST", token, input: { tenant, name: "Bad_Name" } });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.data.userMessage, /not a valid app name/);
  await call("apps.create", { method: "POST", token, input: { tenant, name: "taken" } });
  const taken = await call("apps.create", { method: "POST", token, input: { tenant, name: "taken" } });
  assert.equal(taken.status, 409);
  assert.match(taken.body.error.data.userMessage, /already exists/);
  const port = await call("config.set", { method: "POST", token, input: { tenant, app: "taken", set: { PORT: "1" } } });
  assert.equal(port.status, 400);
  assert.equal(port.body.error.data.userMessage, "PORT is reserved: Berth sets it for the app.");
});

test("a member of another tenant gets NOT_FOUND from every app procedure", async () => {
  const alice = await tenantWithMember();
  const bob = await tenantWithMember();
  await call("apps.create", { method: "POST", token: alice.token, input: { tenant: alice.tenant, name: "private" } });
  const ref = { tenant: alice.tenant, app: "private" };
  const attempts = [
    await call("apps.info", { token: bob.token, input: ref }),
    await call("config.list", { token: bob.token, input: ref }),
    await call("config.set", { method: "POST", token: bob.token, input: { ...ref, set: { X: "1" } } }),
    await call("releases.list", { token: bob.token, input: ref }),
    await call("releases.rollback", { method: "POST", token: bob.token, input: { ...ref, version: 1 } }),
    await call("apps.create", { method: "POST", token: bob.token, input: { tenant: alice.tenant, name: "x" } }),
    await call("deployments.progress", { token: bob.token, input: { deploymentId: "nope", afterSeq: 0 } }),
  ];
  for (const res of attempts) {
    assert.equal(res.status, 404, JSON.stringify(res.body));
    assert.equal(res.body.error.data.code, "NOT_FOUND");
  }
  assert.deepEqual((await call("apps.list", { token: bob.token, input: { tenant: alice.tenant } })).body.result.data, []);
});

test("missing, wrong and revoked tokens are UNAUTHORIZED with a sentence naming the token", async () => {
  const { tenant, token, userId, tokenId } = await tenantWithMember();
  const none = await call("apps.list", { input: { tenant } });
  assert.equal(none.status, 401);
  const wrong = await call("apps.list", { token: "berth_wrong", input: { tenant } });
  assert.equal(wrong.status, 401);
  assert.match(wrong.body.error.data.userMessage, /API token is not valid/);
  await revokeApiToken(db, { userId, tokenId });
  const revoked = await call("apps.list", { token, input: { tenant } });
  assert.equal(revoked.status, 401);
});
