import assert from "node:assert/strict";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createApp } from "../src/apps/create-app";
import { AppError } from "../src/errors/app-error";
import { assertInstanceQuota, getTenantQuota, setTenantQuota } from "../src/quotas/tenant-quota";
import { Fixtures, openTestDb } from "./helpers";

const config = loadConfig();
const db = openTestDb();
const deps = { db, config };
const fixtures = new Fixtures(db, "quota");
after(async () => {
  await fixtures.cleanUp();
  await db.$disconnect();
});

async function owner() {
  const { userId, tenant, tenantId } = await fixtures.member("owner");
  return { userId, tenant, tenantId };
}

const refusedNaming = (quota: string, value: number) => (e: unknown) =>
  AppError.is(e) && e.code === "FORBIDDEN" && e.userMessage.includes(`${quota} = ${value}`);

test("a tenant without a quota is unlimited; maxApps refuses the app over it, naming the quota", async () => {
  const o = await owner();
  assert.deepEqual(await getTenantQuota(db, { tenant: o.tenant }), {
    tenant: o.tenant, maxApps: null, maxReplicas: null, maxCpuPerInstance: null, maxMemoryMbPerInstance: null,
  });
  await setTenantQuota(db, { tenant: o.tenant, maxApps: 2 });
  await createApp(deps, { ...o, name: "one" });
  await createApp(deps, { ...o, name: "two" });
  await assert.rejects(createApp(deps, { ...o, name: "three" }), refusedNaming("maxApps", 2));
  assert.equal(await db.app.count({ where: { tenantId: o.tenantId } }), 2);

  // Raising it (other fields untouched) lets the next one in; null is unlimited again.
  await setTenantQuota(db, { tenant: o.tenant, maxMemoryMbPerInstance: 512 });
  assert.equal((await getTenantQuota(db, { tenant: o.tenant })).maxApps, 2, "fields left out keep their value");
  await setTenantQuota(db, { tenant: o.tenant, maxApps: 3 });
  await createApp(deps, { ...o, name: "three" });
  await setTenantQuota(db, { tenant: o.tenant, maxApps: null });
  await createApp(deps, { ...o, name: "four" });
});

test("creates racing at the limit cannot both pass", async () => {
  const o = await owner();
  await setTenantQuota(db, { tenant: o.tenant, maxApps: 1 });
  const results = await Promise.allSettled(["a", "b", "c"].map((name) => createApp(deps, { ...o, name })));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db.app.count({ where: { tenantId: o.tenantId } }), 1);
});

test("maxReplicas counts one instance per app; per-instance limits name their quota", async () => {
  const o = await owner();
  await setTenantQuota(db, { tenant: o.tenant, maxReplicas: 1 });
  await createApp(deps, { ...o, name: "solo" });
  await assert.rejects(createApp(deps, { ...o, name: "duo" }), refusedNaming("maxReplicas", 1));
  const quota = await setTenantQuota(db, { tenant: o.tenant, maxCpuPerInstance: 0.5, maxMemoryMbPerInstance: 256 });
  assert.throws(() => assertInstanceQuota(quota, o.tenant, { cpu: 1 }), refusedNaming("maxCpuPerInstance", 0.5));
  assert.throws(() => assertInstanceQuota(quota, o.tenant, { memoryMb: 1024 }), refusedNaming("maxMemoryMbPerInstance", 256));
  assertInstanceQuota(quota, o.tenant, { cpu: 0.5, memoryMb: 256, replicas: 1 });
  await assert.rejects(setTenantQuota(db, { tenant: o.tenant, maxApps: 0 }), (e) => AppError.is(e) && e.code === "INVALID_INPUT");
  await assert.rejects(getTenantQuota(db, { tenant: "no-such-tenant-xyz" }), (e) => AppError.is(e) && e.code === "NOT_FOUND");
});
