import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { AppError } from "../src/errors/app-error";
import { getDeploymentDetail } from "../src/console/get-deployment";
import { listAppStatuses } from "../src/console/list-app-statuses";
import { listAppDeployments } from "../src/console/list-deployments";
import { Fixtures, openTestDb } from "./helpers";

/**
 * The console's read models on the real database (and the real Docker engine, asked for running
 * tasks): statuses in one word, deployments newest first with paging, a deployment only under its
 * own app.
 */
const config = loadConfig();
const db = openTestDb();
const fx = new Fixtures(db, "console-rm");
let m: Awaited<ReturnType<Fixtures["member"]>>;
const deps = { db, config };

before(async () => {
  m = await fx.member("viewer");
});

after(async () => {
  await fx.cleanUp();
  await db.$disconnect();
});

async function app(name: string, deployments: Array<{ status: "received" | "building" | "failed" | "live"; at: number }>) {
  const a = await db.app.create({ data: { tenantId: m.tenantId, name } });
  for (const d of deployments) {
    await db.deployment.create({ data: { appId: a.id, kind: "build", status: d.status, description: `${name} ${d.status}`, createdAt: new Date(d.at), failureReason: d.status === "failed" ? "the build failed" : null } });
  }
  return a;
}

test("each app of the tenant gets a one-word status from its newest deployment", async () => {
  await app("fresh", []);
  await app("broken", [{ status: "failed", at: 1_000 }]);
  await app("busy", [{ status: "failed", at: 1_000 }, { status: "building", at: 2_000 }]);
  const rows = await listAppStatuses(deps, { userId: m.userId, tenant: m.tenant });
  assert.deepEqual(
    rows.map((r) => [r.name, r.status, r.currentRelease]),
    [["broken", "failed", null], ["busy", "deploying", null], ["fresh", "new", null]],
  );
  assert.equal(rows.find((r) => r.name === "busy")!.latestDeployment!.status, "building");
  assert.match(rows[0]!.webUrl, new RegExp(`^http://broken\\.${m.tenant}\\.`));
});

test("deployments come newest first and page with `before`", async () => {
  await app("paged", [1, 2, 3, 4, 5].map((i) => ({ status: "live" as const, at: i * 1_000 })));
  const firstPage = await listAppDeployments(db, { userId: m.userId, tenant: m.tenant, app: "paged", limit: 2 });
  assert.deepEqual(firstPage.map((d) => d.createdAt.getTime()), [5_000, 4_000]);
  const next = await listAppDeployments(db, { userId: m.userId, tenant: m.tenant, app: "paged", limit: 2, before: firstPage[1]!.id });
  assert.deepEqual(next.map((d) => d.createdAt.getTime()), [3_000, 2_000]);
});

test("a deployment is found only under its own app, and not for a member of another tenant", async () => {
  const a = await app("owner-of-it", [{ status: "failed", at: 1_000 }]);
  await app("other", []);
  const d = await db.deployment.findFirstOrThrow({ where: { appId: a.id }, select: { id: true } });
  const detail = await getDeploymentDetail(db, { userId: m.userId, tenant: m.tenant, app: "owner-of-it", deploymentId: d.id });
  assert.equal(detail.failureReason, "the build failed");
  const notFound = (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND";
  await assert.rejects(getDeploymentDetail(db, { userId: m.userId, tenant: m.tenant, app: "other", deploymentId: d.id }), notFound);
  const stranger = await fx.member("owner");
  await assert.rejects(getDeploymentDetail(db, { userId: stranger.userId, tenant: m.tenant, app: "owner-of-it", deploymentId: d.id }), notFound);
  await assert.rejects(listAppStatuses(deps, { userId: stranger.userId, tenant: m.tenant }), notFound);
});
