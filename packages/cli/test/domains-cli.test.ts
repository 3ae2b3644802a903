import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken } from "@berth/core/tokens/api-token";
import { createDb } from "@berth/db/client";
import { runBerth } from "./support/run-berth";

/**
 * `berth domains`, `domains:add` and `domains:remove` as a user runs them: the real binary against
 * the running console and database. (The router serving the domain is proven in core's domains test.)
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const home = mkdtempSync(path.join(os.tmpdir(), "berth-cli-domains-"));
const run = randomBytes(4).toString("hex");
const tenant = `cli-dom-${run}`;
const app = "site";
const hostname = `www-${run}.example.test`;
const emails: string[] = [];
const tokens: Record<"admin" | "developer", string> = { admin: "", developer: "" };

function berth(args: string[], token: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const { BERTH_API_URL: _a, BERTH_TOKEN: _t, BERTH_TENANT: _n, ...rest } = process.env;
  const env = { ...rest, XDG_CONFIG_HOME: home, BERTH_API_URL: config.web.publicUrl, BERTH_TOKEN: token, BERTH_TENANT: tenant };
  return runBerth(args, env);
}

before(async () => {
  const { tenantId } = await ensureTenant(db, { name: tenant });
  await db.app.create({ data: { tenantId, name: app } });
  for (const role of ["admin", "developer"] as const) {
    const email = `cli-dom-${role}-${run}@cli-tests.berth.test`;
    emails.push(email);
    const user = await db.user.create({ data: { email, passwordHash: "not-used" }, select: { id: true } });
    await ensureMembership(db, { tenantId, userId: user.id, role });
    tokens[role] = (await createApiToken(db, { userId: user.id, name: "domains cli test" })).token;
  }
});

after(async () => {
  await db.tenant.deleteMany({ where: { name: tenant } });
  await db.user.deleteMany({ where: { email: { in: emails } } });
  await db.$disconnect();
  rmSync(home, { recursive: true, force: true });
});

test("domains:add, domains (table and --json) and domains:remove", async () => {
  const empty = await berth(["domains", app], tokens.admin);
  assert.equal(empty.code, 0, empty.stderr);
  assert.match(empty.stdout, /has no custom domains/);

  const add = await berth(["domains:add", app, hostname.toUpperCase()], tokens.admin);
  assert.equal(add.code, 0, add.stderr);
  assert.match(add.stdout, new RegExp(`now also served at http://${hostname.replace(/\./g, "\\.")}`));
  assert.match(add.stdout, /plain HTTP/);

  const list = await berth(["domains", app], tokens.admin);
  assert.match(list.stdout, /^HOSTNAME\s+URL\s+ADDED/);
  assert.ok(list.stdout.includes(hostname));
  const listed = JSON.parse((await berth(["domains", app, "--json"], tokens.developer)).stdout) as Array<{ hostname: string; url: string }>;
  assert.deepEqual(listed.map((d) => d.hostname), [hostname]);

  const remove = await berth(["domains:remove", app, hostname], tokens.admin);
  assert.equal(remove.code, 0, remove.stderr);
  assert.match(remove.stdout, /no longer serves it/);
  assert.deepEqual(JSON.parse((await berth(["domains", app, "--json"], tokens.admin)).stdout), []);
});

test("refusals come back as one line with what to do", async () => {
  const bad = await berth(["domains:add", app, "*.example.com"], tokens.admin);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^berth: Wildcard domains are not supported/);

  const dev = await berth(["domains:add", app, hostname], tokens.developer);
  assert.equal(dev.code, 1);
  assert.match(dev.stderr, /needs admin or above/);

  const missing = await berth(["domains:add", app], tokens.admin);
  assert.equal(missing.code, 2, "a usage error");
  assert.match(missing.stderr, /hostname/);

  const gone = await berth(["domains:remove", app, `nothing-${run}.example.test`], tokens.admin);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /has no domain/);
});
