import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken } from "@berth/core/tokens/api-token";
import { createDb } from "@berth/db/client";
import { handleTrpcRequest } from "../src/http/handle-trpc-request";
import { removedWhenDone } from "./support/test-rows";

// Through the same fetch handler the console mounts, so the interface and address come from real headers.
const config = loadConfig();
const db = createDb(config.postgres.url);
const { emails, tenants } = removedWhenDone(db);
async function member(role: "owner" | "admin" | "developer" | "viewer", tenant?: { name: string; id: string }) {
  const email = `audit-${randomBytes(6).toString("hex")}@api-tests.berth.test`;
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("pw") }, select: { id: true } });
  let t = tenant;
  if (!t) {
    const name = `audit-${randomBytes(4).toString("hex")}`;
    tenants.push(name);
    t = { name, id: (await ensureTenant(db, { name })).tenantId };
  }
  await ensureMembership(db, { tenantId: t.id, userId: user.id, role });
  const { token, tokenId } = await createApiToken(db, { userId: user.id, name: "test" });
  return { email, userId: user.id, tenant: t, token, tokenId };
}

async function call(path: string, opts: { token: string; input?: unknown; method?: "GET" | "POST"; userAgent?: string }) {
  const method = opts.method ?? "GET";
  const url = new URL(`http://console.test/api/trpc/${path}`);
  if (method === "GET" && opts.input !== undefined) url.searchParams.set("input", JSON.stringify(opts.input));
  const headers = new Headers({ "content-type": "application/json", authorization: `Bearer ${opts.token}`, "x-forwarded-for": "203.0.113.7" });
  if (opts.userAgent) headers.set("user-agent", opts.userAgent);
  const res = await handleTrpcRequest(new Request(url, { method, headers, body: method === "POST" ? JSON.stringify(opts.input ?? null) : undefined }), {
    db, config, endpoint: "/api/trpc",
  });
  return { status: res.status, body: (await res.json()) as any };
}

test("a config change through the API is audited with its keys, never its values", async () => {
  const owner = await member("owner");
  const tenant = owner.tenant.name;
  assert.equal((await call("apps.create", { method: "POST", token: owner.token, input: { tenant, name: "web" }, userAgent: "berth-cli" })).status, 200);
  const secret = `s3cret-${randomBytes(8).toString("hex")}`;
  const set = await call("config.set", { method: "POST", token: owner.token, input: { tenant, app: "web", set: { DB_PASSWORD: secret, MODE: "prod" } }, userAgent: "curl/8" });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  // A refused mutation is not a change and is not recorded.
  await call("apps.create", { method: "POST", token: owner.token, input: { tenant, name: "Bad_Name" } });

  const rows = await db.auditEvent.findMany({ where: { tenantId: owner.tenant.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(rows.map((r) => r.action), ["app.create", "config.set"]);
  const [created, changed] = rows;
  assert.equal(created?.interface, "cli");
  assert.equal(changed?.interface, "api");
  assert.equal(changed?.actorUserId, owner.userId);
  assert.equal(changed?.actorTokenId, owner.tokenId);
  assert.equal(changed?.targetType, "app");
  assert.equal(changed?.targetName, "web");
  assert.ok(changed?.targetId);
  assert.equal(changed?.ip, "203.0.113.7");
  assert.equal(changed?.userAgent, "curl/8");
  assert.deepEqual(changed?.details, { setKeys: ["DB_PASSWORD", "MODE"] });
  const raw = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM "AuditEvent" e WHERE "tenantId" = ${owner.tenant.id}`;
  for (const { row } of raw) {
    assert.ok(!row.includes(secret), "no config value in any audit column");
    assert.ok(!row.includes("prod"), "not even harmless-looking ones");
  }

  const listed = await call("audit.list", { token: owner.token, input: { tenant } });
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  assert.deepEqual(listed.body.result.data.events.map((e: { action: string }) => e.action), ["config.set", "app.create"], "newest first");
  assert.equal(listed.body.result.data.events[0].actor, owner.email);
});

test("audit.list filters, paginates, and is for tenant admins only", async () => {
  const owner = await member("owner");
  const tenant = owner.tenant.name;
  for (const name of ["a1", "a2", "a3"]) await call("apps.create", { method: "POST", token: owner.token, input: { tenant, name } });
  await call("config.set", { method: "POST", token: owner.token, input: { tenant, app: "a1", set: { K: "v" } } });

  const onlyConfig = await call("audit.list", { token: owner.token, input: { tenant, action: "config.set" } });
  assert.deepEqual(onlyConfig.body.result.data.events.map((e: { targetName: string }) => e.targetName), ["a1"]);
  const page1 = await call("audit.list", { token: owner.token, input: { tenant, limit: 3 } });
  assert.equal(page1.body.result.data.events.length, 3);
  assert.ok(page1.body.result.data.nextCursor);
  const page2 = await call("audit.list", { token: owner.token, input: { tenant, limit: 3, cursor: page1.body.result.data.nextCursor } });
  assert.deepEqual(page2.body.result.data.events.map((e: { targetName: string }) => e.targetName), ["a1"]);
  assert.equal(page2.body.result.data.nextCursor, null);
  const future = await call("audit.list", { token: owner.token, input: { tenant, since: new Date(Date.now() + 60_000).toISOString() } });
  assert.deepEqual(future.body.result.data.events, []);
  const byOther = await call("audit.list", { token: owner.token, input: { tenant, actor: "nobody@else.test" } });
  assert.deepEqual(byOther.body.result.data.events, []);

  const admin = await member("admin", owner.tenant);
  assert.equal((await call("audit.list", { token: admin.token, input: { tenant } })).status, 200);
  const dev = await member("developer", owner.tenant);
  assert.equal((await call("audit.list", { token: dev.token, input: { tenant } })).status, 403);
  const stranger = await member("owner");
  assert.equal((await call("audit.list", { token: stranger.token, input: { tenant } })).status, 404);
});
