import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { trpcCall, type TrpcCallOptions } from "./support/trpc-call";
import { removedWhenDone } from "./support/test-rows";

// Sign-up and account management through the fetch handler, with the session cookie a browser keeps.
const config = loadConfig();
const db = createDb(config.postgres.url);
const { emails, tenants } = removedWhenDone(db);
const PASSWORD = "a long enough password";

const call = (path: string, options: Omit<TrpcCallOptions, "token" | "forwardedFor"> = {}) =>
  trpcCall({ db, config }, path, { ...options, forwardedFor: "198.51.100.77" });

function newEmail(): string {
  const email = `api-acct-${randomBytes(6).toString("hex")}@api-tests.berth.test`;
  emails.push(email);
  return email;
}

async function signUp(email = newEmail()) {
  const res = await call("auth.signUp", { method: "POST", input: { email, password: PASSWORD } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { email, cookie: res.setCookie.split(";")[0] ?? "", res };
}

test("sign-up sets an HttpOnly session cookie and sends a new user to /tenants", async () => {
  const { email, res, cookie } = await signUp();
  assert.match(res.setCookie, /HttpOnly/);
  assert.match(res.setCookie, /SameSite=Lax/);
  assert.equal(res.body.result.data.redirectTo, "/tenants");
  assert.equal(res.body.result.data.user.isPlatformAdmin, false);
  assert.equal((await call("auth.me", { cookie })).body.result.data.email, email);
});

test("duplicates, short passwords, bad and oversized input are refused with clear messages", async () => {
  const { email } = await signUp();
  const dup = await call("auth.signUp", { method: "POST", input: { email: email.toUpperCase(), password: PASSWORD } });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.error.data.userMessage, "An account with this email already exists. Sign in instead.");
  const short = await call("auth.signUp", { method: "POST", input: { email: newEmail(), password: "short" } });
  assert.equal(short.status, 400);
  assert.equal(short.body.error.data.userMessage, "Choose a password of at least 10 characters.");
  const bad = await call("auth.signUp", { method: "POST", input: { email: "nope", password: PASSWORD } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.data.userMessage, "Enter a valid email address.");
  const huge = await call("auth.signUp", { method: "POST", input: { email: newEmail(), password: PASSWORD, name: "n".repeat(5000) } });
  assert.equal(huge.status, 400);
  assert.match(huge.body.error.data.userMessage, /at most 100/);
});

test("a new user creates a tenant and lists it with the owner role; bad names are refused", async () => {
  const { cookie } = await signUp();
  const name = `acc-${randomBytes(4).toString("hex")}`;
  tenants.push(name);
  assert.equal((await call("tenants.create", { method: "POST", cookie, input: { name } })).status, 200);
  const list = await call("tenants.list", { cookie });
  assert.deepEqual(list.body.result.data.map((t: { name: string; role: string }) => [t.name, t.role]), [[name, "owner"]]);
  const bad = await call("tenants.create", { method: "POST", cookie, input: { name: "Not A Label" } });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.data.userMessage, /not a valid tenant name/);
  const taken = await call("tenants.create", { method: "POST", cookie, input: { name } });
  assert.equal(taken.status, 409);
});

test("change password keeps this session, ends the others; sign out everywhere ends all", async () => {
  const { email, cookie } = await signUp();
  const other = (await call("auth.signIn", { method: "POST", input: { email, password: PASSWORD } })).setCookie.split(";")[0] ?? "";
  const wrong = await call("auth.changePassword", { method: "POST", cookie, input: { currentPassword: "not it at all", newPassword: "a brand new password" } });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.body.error.data.userMessage, "Your current password is not correct.");
  const changed = await call("auth.changePassword", { method: "POST", cookie, input: { currentPassword: PASSWORD, newPassword: "a brand new password" } });
  assert.equal(changed.status, 200);
  assert.equal((await call("auth.me", { cookie })).body.result.data?.email, email);
  assert.equal((await call("auth.me", { cookie: other })).body.result.data, null);

  const third = (await call("auth.signIn", { method: "POST", input: { email, password: "a brand new password" } })).setCookie.split(";")[0] ?? "";
  const everywhere = await call("auth.signOutEverywhere", { method: "POST", cookie });
  assert.equal(everywhere.status, 200);
  assert.match(everywhere.setCookie, /Max-Age=0/);
  assert.equal((await call("auth.me", { cookie })).body.result.data, null);
  assert.equal((await call("auth.me", { cookie: third })).body.result.data, null);
});
