import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken } from "@berth/core/tokens/api-token";
import type { TokenScope } from "@berth/core/tokens/token-scope";
import { createDb } from "@berth/db/client";

/**
 * The domains procedures through what wraps every procedure: the REST API of the running console,
 * token scopes, the audit log and tenant suspension. (Rules, roles and routing: core's domains test.)
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const base = `http://127.0.0.1:${config.web.port}/api/v1`;
const run = randomBytes(4).toString("hex");
const tenant = `api-dom-${run}`;
const app = "site";
const email = `api-dom-${run}@api-tests.berth.test`;
const tokens = {} as Record<TokenScope, string>;
let tenantId = "";

async function rest(method: "GET" | "POST", path: string, token: string, input?: unknown) {
  const url = new URL(`${base}${path}`);
  if (method === "GET" && input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
    body: method === "POST" ? JSON.stringify(input) : undefined,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test walks the JSON freely
  return { status: res.status, body: (await res.json()) as any };
}

before(async () => {
  tenantId = (await ensureTenant(db, { name: tenant })).tenantId;
  await db.app.create({ data: { tenantId, name: app } });
  const user = await db.user.create({ data: { email, passwordHash: "not-used" }, select: { id: true } });
  await ensureMembership(db, { tenantId, userId: user.id, role: "owner" });
  for (const scope of ["read", "deploy", "admin"] as const) tokens[scope] = (await createApiToken(db, { userId: user.id, name: scope, scope })).token;
});

after(async () => {
  await db.auditEvent.deleteMany({ where: { tenantId } });
  await db.tenant.deleteMany({ where: { name: tenant } });
  await db.user.deleteMany({ where: { email } });
  await db.$disconnect();
});

test("REST: add, list and remove with an admin token; the OpenAPI document describes them", async () => {
  const hostname = `rest-${run}.example.test`;
  const added = await rest("POST", "/domains/add", tokens.admin, { tenant, app, hostname });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  assert.equal(added.body.hostname, hostname);
  const listed = await rest("GET", "/domains/list", tokens.read, { tenant, app });
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  assert.deepEqual(listed.body.map((d: { hostname: string }) => d.hostname), [hostname]);
  const bad = await rest("POST", "/domains/add", tokens.admin, { tenant, app, hostname: "10.0.0.1" });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /IP address/);
  const removed = await rest("POST", "/domains/remove", tokens.admin, { tenant, app, hostname });
  assert.equal(removed.status, 200, JSON.stringify(removed.body));
  const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
  for (const p of ["/api/v1/domains/list", "/api/v1/domains/add", "/api/v1/domains/remove"]) assert.ok(doc.paths[p], `${p} in the OpenAPI document`);
});

test("managing domains needs an admin-scope token (issue 4: admins manage domains); reading needs read", async () => {
  for (const scope of ["read", "deploy"] as const) {
    const res = await rest("POST", "/domains/add", tokens[scope], { tenant, app, hostname: `scope-${run}.example.test` });
    assert.equal(res.status, 403, scope);
    assert.match(JSON.stringify(res.body), /"admin\\" scope/);
  }
  assert.equal(await db.domain.count({ where: { hostname: `scope-${run}.example.test` } }), 0);
});

test("every add and remove is in the audit log as domain.add / domain.remove, naming the app and the hostname", async () => {
  const hostname = `audit-${run}.example.test`;
  assert.equal((await rest("POST", "/domains/add", tokens.admin, { tenant, app, hostname })).status, 200);
  assert.equal((await rest("POST", "/domains/remove", tokens.admin, { tenant, app, hostname })).status, 200);
  const events = await db.auditEvent.findMany({ where: { tenantId, action: { in: ["domain.add", "domain.remove"] } }, orderBy: { createdAt: "asc" } });
  const mine = events.filter((e) => (e.details as { hostname?: string } | null)?.hostname === hostname);
  assert.deepEqual(mine.map((e) => [e.action, e.targetType, e.targetName]), [["domain.add", "app", app], ["domain.remove", "app", app]]);
});

test("a suspended tenant can list its domains but not add any", async () => {
  await db.tenant.update({ where: { id: tenantId }, data: { suspendedAt: new Date(), suspendedReason: "domains test" } });
  try {
    assert.equal((await rest("GET", "/domains/list", tokens.admin, { tenant, app })).status, 200);
    const res = await rest("POST", "/domains/add", tokens.admin, { tenant, app, hostname: `susp-${run}.example.test` });
    assert.equal(res.status, 403, JSON.stringify(res.body));
    assert.match(JSON.stringify(res.body), /domains test/);
    assert.equal(await db.domain.count({ where: { hostname: `susp-${run}.example.test` } }), 0);
  } finally {
    await db.tenant.update({ where: { id: tenantId }, data: { suspendedAt: null, suspendedReason: null } });
  }
});
