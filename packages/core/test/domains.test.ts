import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { askRouterForHost } from "@berth/router/probe";
import { readRouteTable } from "@berth/router/read-route-table";
import { resolveRouterAdmin } from "@berth/router/admin-endpoint";
import { waitForRelease } from "../src/deployments/wait-for-release";
import { routeTableFromDb } from "../src/deployments/sync-routes";
import { diffRoutes } from "../src/reconciler/diff-routes";
import { addDomain } from "../src/domains/add-domain";
import { listDomains } from "../src/domains/list-domains";
import { removeDomain } from "../src/domains/remove-domain";
import { AppError } from "../src/errors/app-error";
import type { Role } from "../src/tenants/roles";
import { Fixtures, refusal } from "./helpers";
import { createRuntimeFixture, type RuntimeFixture } from "./support/runtime-fixture";
import { eventually } from "./support/eventually";

/**
 * Custom domains against the real PostgreSQL, Swarm and router: who may add them, which names are
 * refused and why, uniqueness across tenants, and the router serving a deployed app under its
 * custom domain until the domain is removed.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const deps = { db, config, docker };
const fixtures = new Fixtures(db, "domains");
const run = randomBytes(4).toString("hex");
let fx: RuntimeFixture;
/** Members of the deployed app's tenant, by role, as the services address the app. */
const asRole = new Map<Role, { userId: string; tenant: string; app: string }>();
/** Another tenant with an app of its own, owned by someone else. */
let other: { userId: string; tenant: string; app: string };

before(async () => {
  fx = await createRuntimeFixture(deps, "domains");
  const release = await fx.release({ processTypes: { web: "node /app/server.js" }, config: { GREETING: "domains" } });
  await waitForRelease(docker, config, { appId: fx.app.id, releaseId: release.id, host: fx.host, timeoutMs: 120_000, signal: AbortSignal.timeout(130_000) });
  asRole.set("owner", fx.ref);
  for (const role of ["admin", "developer", "viewer"] as const) {
    const u = await fixtures.user(role);
    await db.membership.create({ data: { tenantId: fx.tenant.id, userId: u.id, role } });
    asRole.set(role, { userId: u.id, tenant: fx.tenant.name, app: fx.app.name });
  }
  const m = await fixtures.member("owner");
  const otherApp = await db.app.create({ data: { tenantId: m.tenantId, name: "other-app" }, select: { name: true } });
  other = { userId: m.userId, tenant: m.tenant, app: otherApp.name };
});

after(async () => {
  await fx?.cleanup();
  await fixtures.cleanUp();
  await db.$disconnect();
});

describe("custom domains", () => {
  test("names are checked and refused with what to do", async () => {
    const admin = asRole.get("admin")!;
    const cases: Array<[string, RegExp]> = [
      ["*.example.com", /Wildcard domains are not supported/],
      ["192.0.2.10", /IP address/],
      ["intranet", /single name/],
      [`${"a".repeat(64)}.example.com`, /at most 63/],
      ["bad_name.example.com", /not a valid part/],
      ["http://www.example.com/", /without "http:\/\/"/],
      [`web.${other.tenant}.${config.baseDomain}`, /Berth's own app addresses/],
      [`${fx.app.name}.${fx.tenant.name}.${config.baseDomain}`, /Berth's own app addresses/],
    ];
    for (const [hostname, message] of cases) {
      const err = await refusal(addDomain(deps, { ...admin, hostname }));
      assert.equal(err.code, "INVALID_INPUT", hostname);
      assert.match(err.userMessage, message, hostname);
    }
    assert.deepEqual(await listDomains(deps, admin), [], "nothing was written for refused names");
  });

  test("developers and viewers cannot add or remove; viewers can list", async () => {
    const hostname = `roles-${run}.example.test`;
    for (const role of ["developer", "viewer"] as const) {
      const add = await refusal(addDomain(deps, { ...asRole.get(role)!, hostname }));
      assert.equal(add.code, "FORBIDDEN", role);
      assert.match(add.userMessage, /needs admin or above/);
    }
    await addDomain(deps, { ...asRole.get("admin")!, hostname });
    const removeAsDev = await refusal(removeDomain(deps, { ...asRole.get("developer")!, hostname }));
    assert.equal(removeAsDev.code, "FORBIDDEN");
    const seen = await listDomains(deps, asRole.get("viewer")!);
    assert.deepEqual(seen.map((d) => d.hostname), [hostname]);
    assert.match(seen[0]!.url, new RegExp(`^http://${hostname.replace(/\./g, "\\.")}`));
    await removeDomain(deps, { ...asRole.get("owner")!, hostname });
    assert.deepEqual(await listDomains(deps, asRole.get("viewer")!), []);
  });

  test("a name is unique across all tenants, and a refusal does not say who has it", async () => {
    const hostname = `taken-${run}.example.test`;
    await addDomain(deps, { ...asRole.get("admin")!, hostname: hostname.toUpperCase() });
    const err = await refusal(addDomain(deps, { ...other, hostname }));
    assert.equal(err.code, "CONFLICT");
    assert.match(err.userMessage, /already in use on this Berth installation/);
    for (const secret of [fx.tenant.name, fx.app.name, fx.tenant.id, fx.app.id]) assert.ok(!err.userMessage.includes(secret), `leaks ${secret}`);
    // The other tenant cannot remove it either: to them it is simply not on their app.
    const remove = await refusal(removeDomain(deps, { ...other, hostname }));
    assert.equal(remove.code, "NOT_FOUND");
    assert.ok(!remove.userMessage.includes(fx.tenant.name));
    // An outsider naming the app gets the same NOT_FOUND as for an app that does not exist.
    const outsider = await refusal(listDomains(deps, { userId: other.userId, tenant: fx.tenant.name, app: fx.app.name }));
    assert.equal(outsider.code, "NOT_FOUND");
    await removeDomain(deps, { ...asRole.get("admin")!, hostname });
  });

  test("two tenants claiming the same name at once: exactly one gets it", async () => {
    const hostname = `race-${run}.example.test`;
    const results = await Promise.allSettled([addDomain(deps, { ...asRole.get("admin")!, hostname }), addDomain(deps, { ...other, hostname })]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    assert.equal((lost.reason as AppError).code, "CONFLICT");
    assert.equal(await db.domain.count({ where: { hostname } }), 1);
    await db.domain.deleteMany({ where: { hostname } });
  });

  test("the router serves the deployed app under its custom domain, and stops after removal", async () => {
    const hostname = `shop-${run}.example.test`;
    const before = await askRouterForHost(config.router.url, hostname);
    assert.equal(before.isFallback, true, "unknown before it is added");
    const added = await addDomain(deps, { ...asRole.get("admin")!, hostname });
    assert.equal(added.hostname, hostname);
    const table = await routeTableFromDb(db, config);
    assert.deepEqual(table.routes.find((r) => r.id === fx.app.id)?.hosts, [fx.host, hostname], "default host first, then the domain");
    // The router loaded the table the service synced (read back from the router itself).
    const loaded = await readRouteTable(await resolveRouterAdmin(docker, config.router));
    assert.ok(loaded.routes.some((r) => r.hosts.includes(hostname)), "the router's own config has the domain");
    // The reconciler compares the same two tables: a domain must not look like drift to it.
    assert.deepEqual(diffRoutes(table, loaded).filter((d) => d.appId === fx.app.id), []);
    const served = await eventually("the app under its custom domain", async () => {
      const a = await askRouterForHost(config.router.url, hostname);
      return a.status === 200 ? a : undefined;
    });
    assert.match(served.body, /^hello domains from /);
    assert.match((await askRouterForHost(config.router.url, fx.host)).body, /^hello domains from /, "the default address still works");

    await removeDomain(deps, { ...asRole.get("admin")!, hostname: `${hostname.toUpperCase()}.` });
    const gone = await askRouterForHost(config.router.url, hostname);
    assert.equal(gone.isFallback, true, `after removal the router answers "no such app" (got ${gone.status})`);
    assert.match((await askRouterForHost(config.router.url, fx.host)).body, /^hello domains from /, "the app itself is still served");
    const again = await refusal(removeDomain(deps, { ...asRole.get("admin")!, hostname }));
    assert.equal(again.code, "NOT_FOUND");
    assert.match(again.userMessage, /berth domains/);
  });
});
