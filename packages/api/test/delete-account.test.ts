import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { trpcCall, type TrpcCallOptions } from "./support/trpc-call";
import { removedWhenDone } from "./support/test-rows";

// Deleting one's own account, through the fetch handler the console mounts, on the real database.
const config = loadConfig();
const db = createDb(config.postgres.url);
const run = randomBytes(4).toString("hex");
const { emails, tenants } = removedWhenDone(db);
const PASSWORD = "a long enough password";

const call = (path: string, options: Omit<TrpcCallOptions, "token" | "forwardedFor"> = {}) =>
  trpcCall({ db, config }, path, { ...options, forwardedFor: "198.51.100.78" });

async function signUp(label: string) {
  const email = `del-${label}-${run}@api-tests.berth.test`;
  emails.push(email);
  const res = await call("auth.signUp", { method: "POST", input: { email, password: PASSWORD } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { email, cookie: res.setCookie.split(";")[0] ?? "" };
}

async function newTenant(cookie: string, label: string) {
  const name = `del-${label}-${run}`;
  tenants.push(name);
  const res = await call("tenants.create", { method: "POST", cookie, input: { name } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return name;
}

test("an account is deleted with its password; its sessions and empty tenants go with it", async () => {
  const { email, cookie } = await signUp("alone");
  const tenant = await newTenant(cookie, "alone");
  const wrong = await call("auth.deleteAccount", { method: "POST", cookie, input: { password: "not my password" } });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.body.error.data.userMessage, "Your current password is not correct.");
  assert.ok(await db.user.findUnique({ where: { email } }), "a wrong password deletes nothing");

  const res = await call("auth.deleteAccount", { method: "POST", cookie, input: { password: PASSWORD } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.ok(res.body.result.data.tenantsDeleted.includes(tenant));
  assert.match(res.setCookie, /Max-Age=0|Expires=Thu, 01 Jan 1970/i, "the browser's cookie is cleared");
  assert.equal(await db.user.findUnique({ where: { email } }), null);
  assert.equal(await db.tenant.findUnique({ where: { name: tenant } }), null);
  assert.equal((await call("auth.me", { cookie })).body.result?.data ?? null, null, "the old session no longer signs anyone in");
});

test("the last owner of a tenant others still use cannot delete their account until it is handed over", async () => {
  const owner = await signUp("owner");
  const member = await signUp("member");
  const tenant = await newTenant(owner.cookie, "shared");
  const invite = await call("tenants.invite", { method: "POST", cookie: owner.cookie, input: { tenant, email: member.email, role: "developer" } });
  const token = new URL(invite.body.result.data.url).pathname.split("/").pop();
  assert.equal((await call("tenants.acceptInvite", { method: "POST", cookie: member.cookie, input: { token } })).status, 200);

  const refused = await call("auth.deleteAccount", { method: "POST", cookie: owner.cookie, input: { password: PASSWORD } });
  assert.equal(refused.status, 409);
  assert.match(refused.body.error.data.userMessage, new RegExp(`last owner of "${tenant}"`));
  assert.ok(await db.user.findUnique({ where: { email: owner.email } }));
  assert.ok(await db.tenant.findUnique({ where: { name: tenant } }), "nothing was deleted");

  // The member (not an owner) may leave by deleting their account; the tenant stays.
  const left = await call("auth.deleteAccount", { method: "POST", cookie: member.cookie, input: { password: PASSWORD } });
  assert.equal(left.status, 200, JSON.stringify(left.body));
  assert.ok(await db.tenant.findUnique({ where: { name: tenant } }));
  // Now alone in an empty tenant, the owner may go, and the tenant with them.
  assert.equal((await call("auth.deleteAccount", { method: "POST", cookie: owner.cookie, input: { password: PASSWORD } })).status, 200);
  assert.equal(await db.tenant.findUnique({ where: { name: tenant } }), null);
});

test("the REST API does not offer account deletion: it belongs to the browser session", async () => {
  const { restProcedures } = await import("../src/rest/rest-procedures");
  assert.ok(!restProcedures().some((p) => p.path === "auth.deleteAccount"));
});
