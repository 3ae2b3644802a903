import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken } from "@berth/core/tokens/api-token";
import { createDb } from "@berth/db/client";
import { allProcedurePaths, restPathOf, SESSION_ONLY_PROCEDURES } from "../src/rest/rest-procedures";
import { removedWhenDone } from "./support/test-rows";

// Real HTTP calls to the running console (bring-up started it), authenticated with bearer tokens.
const config = loadConfig();
const db = createDb(config.postgres.url);
const base = `http://127.0.0.1:${config.web.port}/api/v1`;
const { emails, tenants } = removedWhenDone(db);
async function owner() {
  const email = `rest-${randomBytes(6).toString("hex")}@api-tests.berth.test`;
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("pw") }, select: { id: true } });
  const tenant = `rest-${randomBytes(4).toString("hex")}`;
  tenants.push(tenant);
  const { tenantId } = await ensureTenant(db, { name: tenant });
  await ensureMembership(db, { tenantId, userId: user.id, role: "owner" });
  const { token } = await createApiToken(db, { userId: user.id, name: "rest test" });
  return { tenant, token };
}

async function http(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as any };
}

test("list and create apps over REST with a bearer token; config is masked unless revealed", async () => {
  const { tenant, token } = await owner();
  const created = await http("POST", "/apps/create", { token, body: { tenant, name: "web" } });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.match(created.type, /application\/json/);
  assert.equal(created.body.name, "web");
  assert.equal(created.body.gitUrl, `${config.web.publicUrl}/git/${tenant}/web.git`);
  const listed = await http("GET", `/apps/list?tenant=${tenant}`, { token });
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  assert.deepEqual(listed.body.map((a: { name: string }) => a.name), ["web"]);
  assert.equal(typeof listed.body[0].createdAt, "string");

  assert.equal((await http("POST", "/config/set", { token, body: { tenant, app: "web", set: { SECRET: "xyz" } } })).status, 200);
  assert.deepEqual((await http("GET", `/config/list?tenant=${tenant}&app=web`, { token })).body, { SECRET: "••••••" });
  assert.deepEqual((await http("GET", `/config/list?tenant=${tenant}&app=web&reveal=true`, { token })).body, { SECRET: "xyz" });
  const viaJson = await http("GET", `/config/list?input=${encodeURIComponent(JSON.stringify({ tenant, app: "web", reveal: true }))}`, { token });
  assert.deepEqual(viaJson.body, { SECRET: "xyz" });
});

test("errors are JSON with a code and a message, and the right status", async () => {
  const alice = await owner();
  const bob = await owner();
  await http("POST", "/apps/create", { token: alice.token, body: { tenant: alice.tenant, name: "private" } });

  const anonymous = await http("GET", `/apps/list?tenant=${alice.tenant}`);
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.error.code, "UNAUTHORIZED");
  assert.match(anonymous.body.error.message, /Bearer/);
  const badToken = await http("GET", `/apps/list?tenant=${alice.tenant}`, { token: "berth_nope" });
  assert.equal(badToken.status, 401);

  const crossTenant = await http("GET", `/apps/info?tenant=${alice.tenant}&app=private`, { token: bob.token });
  assert.equal(crossTenant.status, 404);
  assert.deepEqual(crossTenant.body, { error: { code: "NOT_FOUND", message: `No app named "private" in tenant "${alice.tenant}".` } });

  const invalid = await http("POST", "/apps/create", { token: alice.token, body: { tenant: alice.tenant, name: "Bad_Name" } });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.body.error.code, "BAD_REQUEST");
  assert.match(invalid.body.error.message, /not a valid app name/);
  const wrongMethod = await http("GET", "/apps/create", { token: alice.token });
  assert.equal(wrongMethod.status, 405);
  const unknown = await http("GET", "/apps/nope", { token: alice.token });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.code, "NOT_FOUND");
  const notJson = await fetch(`${base}/apps/create`, { method: "POST", headers: { authorization: `Bearer ${alice.token}` }, body: "{" });
  assert.equal(notJson.status, 400);
  const sessionOnly = await http("POST", "/auth/signIn", { body: { email: "a@b.c", password: "x" } });
  assert.equal(sessionOnly.status, 404, "session procedures are not part of the REST API");
});

test("openapi.json lists every procedure the REST API serves, and every procedure is either served or session-only", async () => {
  const res = await http("GET", "/openapi.json");
  assert.equal(res.status, 200);
  const doc = res.body;
  assert.equal(doc.openapi, "3.1.0");
  assert.equal(doc.components.securitySchemes.bearerAuth.scheme, "bearer");
  const documented = new Set(Object.keys(doc.paths));
  for (const path of allProcedurePaths()) {
    const restPath = `/api/v1${restPathOf(path)}`;
    if (SESSION_ONLY_PROCEDURES.has(path)) assert.ok(!documented.has(restPath), `${path} is session-only`);
    else assert.ok(documented.has(restPath), `${path} missing from openapi.json`);
  }
  assert.equal(documented.size, allProcedurePaths().length - SESSION_ONLY_PROCEDURES.size);
  const create = doc.paths["/api/v1/apps/create"].post;
  assert.deepEqual(create.requestBody.content["application/json"].schema.required.sort(), ["name", "tenant"]);
  const list = doc.paths["/api/v1/apps/list"].get;
  assert.deepEqual(list.parameters.map((p: { name: string }) => p.name), ["tenant"]);
  assert.equal(list.responses["200"].content["application/json"].schema.items.properties.createdAt.format, "date-time");
});
