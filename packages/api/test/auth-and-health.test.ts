import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { createDb } from "@berth/db/client";
import { handleTrpcRequest } from "../src/http/handle-trpc-request";
import { removedWhenDone } from "./support/test-rows";

// Through the same fetch handler the web app mounts: real database, real services, real HTTP semantics.
const config = loadConfig();
const db = createDb(config.postgres.url);
const { emails } = removedWhenDone(db);
const endpoint = "/api/trpc";

async function makeUser(isPlatformAdmin: boolean) {
  const email = `api-${randomBytes(6).toString("hex")}@api-tests.berth.test`;
  const password = randomBytes(12).toString("base64url");
  emails.push(email);
  await db.user.create({ data: { email, passwordHash: await hashPassword(password), isPlatformAdmin } });
  return { email, password };
}

function call(path: string, { input, cookie, method = "GET" }: { input?: unknown; cookie?: string; method?: "GET" | "POST" } = {}) {
  const url = new URL(`http://console.test${endpoint}/${path}`);
  if (method === "GET" && input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": "198.51.100.23" });
  if (cookie) headers.set("cookie", cookie);
  const req = new Request(url, { method, headers, body: method === "POST" ? JSON.stringify(input ?? null) : undefined });
  return handleTrpcRequest(req, { db, config, endpoint });
}

/** Response bodies are tRPC's wire format; the assertions below spell out the fields they rely on. */
async function json(res: Response): Promise<any> {
  return res.json();
}

function sessionCookieFrom(res: Response): string {
  const setCookie = res.headers.get("set-cookie") ?? "";
  const pair = setCookie.split(";")[0] ?? "";
  assert.match(pair, /^berth_session=[A-Za-z0-9_-]{43}$/);
  return pair;
}

test("an admin signs in: an HttpOnly SameSite=Lax cookie is set and me/getHealth answer", async () => {
  const { email, password } = await makeUser(true);
  const res = await call("auth.signIn", { method: "POST", input: { email, password } });
  assert.equal(res.status, 200);
  const setCookie = res.headers.get("set-cookie") ?? "";
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  assert.match(setCookie, /Path=\//);
  assert.equal(/Secure/.test(setCookie), config.web.publicUrl.startsWith("https:"));
  assert.equal(res.headers.get("cache-control"), "no-store");
  const body = await json(res);
  assert.equal(body.result.data.user.email, email);
  assert.equal(body.result.data.redirectTo, "/admin/health");

  const cookie = sessionCookieFrom(res);
  const me = await json(await call("auth.me", { cookie }));
  assert.equal(me.result.data.email, email);
  assert.equal(me.result.data.isPlatformAdmin, true);

  const health = await call("platform.getHealth", { cookie });
  assert.equal(health.status, 200);
  const data = (await json(health)).result.data;
  assert.deepEqual(
    data.components.map((c: { name: string }) => c.name),
    ["postgres", "redis", "docker", "registry", "router"],
  );

  const out = await call("auth.signOut", { method: "POST", cookie });
  assert.equal(out.status, 200);
  assert.match(out.headers.get("set-cookie") ?? "", /^berth_session=; .*Max-Age=0/);
  const afterSignOut = await json(await call("auth.me", { cookie }));
  assert.equal(afterSignOut.result.data, null, "the session was revoked server-side, not only the cookie");
});

test("a wrong password answers 401 with one plain sentence and sets no cookie", async () => {
  const { email } = await makeUser(true);
  const res = await call("auth.signIn", { method: "POST", input: { email, password: "not-it" } });
  assert.equal(res.status, 401);
  assert.equal(res.headers.get("set-cookie"), null);
  const body = await json(res);
  assert.equal(body.error.data.code, "UNAUTHORIZED");
  assert.equal(body.error.data.userMessage, "The email or password is not correct.");
  assert.equal(body.error.data.stack, undefined);
  assert.equal(body.error.message, "The email or password is not correct.", "the internal message (naming the email) stays in the logs");
});

test("invalid input answers 400 with the schema's words", async () => {
  const res = await call("auth.signIn", { method: "POST", input: { email: "  ", password: "x" } });
  assert.equal(res.status, 400);
  assert.equal((await json(res)).error.data.userMessage, "Enter your email address.");
});

test("platform health needs a signed-in platform admin", async () => {
  const anonymous = await call("platform.getHealth");
  assert.equal(anonymous.status, 401);

  const { email, password } = await makeUser(false);
  const signIn = await call("auth.signIn", { method: "POST", input: { email, password } });
  const body = await json(signIn);
  assert.equal(body.result.data.redirectTo, "/");
  const res = await call("platform.getHealth", { cookie: sessionCookieFrom(signIn) });
  assert.equal(res.status, 403);
  assert.equal((await json(res)).error.data.userMessage, "Only platform admins can see this.");
});
