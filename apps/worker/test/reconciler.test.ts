import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { appHost } from "@berth/core/apps/app-url";
import { configKeyOf, decryptConfigMap } from "@berth/core/crypto/config-cipher";
import { applyReleaseService } from "@berth/core/deployments/apply-release-service";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { APP_ID_LABEL, APP_LABEL, appServiceName, MANAGED_LABEL, RELEASE_LABEL, TENANT_LABEL, tenantNetworkName } from "@berth/core/deployments/runtime-names";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { startConfigDeployment } from "@berth/core/deployments/start-config-deployment";
import { routeTableFromDb } from "@berth/core/deployments/sync-routes";
import { reconcileRuntime } from "@berth/core/reconciler/reconcile-runtime";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { ensureOverlayNetwork, networkExists, removeNetwork } from "@berth/docker/networks";
import { applyService, inspectService, listServiceTasks, patchService, removeService } from "@berth/docker/services";
import { resolveRouterAdmin } from "@berth/router/admin-endpoint";
import { applyRouteTable } from "@berth/router/apply-route-table";
import { askRouterForHost } from "@berth/router/probe";
import { connectRouterToNetwork, disconnectRouterFromNetwork } from "@berth/router/router-networks";
import { withAdvisoryLock, withAppLock } from "@berth/core/deployments/with-app-lock";
import { archive, assertNoDuplicates, removeTestTenant, settledRuntime, sleep, waitForEnd } from "./deploy-fixtures";
import { startInProcessWorker } from "./in-process-worker";

/**
 * The reconciler against real drift: a deleted Swarm service, a service running the wrong release,
 * a service scaled by hand, a service left over from a deleted app, a network left over from a
 * deleted tenant, a deleted route and a stale route are each repaired and recorded as a platform
 * audit event. (The platform's own worker reconciles too; whichever gets there first, the repair
 * and its event must be there.)
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(3).toString("hex");
const prefix = `berth-test-reconcile-${run}`;
const tenantName = `rc-${run}`;
const appName = `mender-${run}`;
const host = appHost(config, tenantName, appName);
const work = mkdtempSync(path.join(os.tmpdir(), "berth-reconcile-test-"));
const deps = { db, config, queuePrefix: prefix };
const reconcileDeps = { db, config, docker, log: () => undefined };
let tenantId = "";
let appId = "";
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

const server = 'require("node:http").createServer((q, s) => s.end(`hi ${process.env.GREETING}`)).listen(Number(process.env.PORT));\n';

/** Waits until the app answers through the router with `expected`. */
async function answers(expected: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    const a = await askRouterForHost(config.router.url, host).catch((e: Error) => ({ status: 0, body: e.message }));
    if (a.status === 200 && a.body === expected) return;
    last = `${a.status} ${a.body.slice(0, 100)}`;
    await sleep(500);
  }
  throw new Error(`${host} did not answer "${expected}" (last: ${last})`);
}

async function repairEvents(kind: string) {
  const events = await db.auditEvent.findMany({ where: { targetId: appId, action: "runtime.repair", interface: "platform" } });
  return events.filter((e) => (e.details as { repair?: string } | null)?.repair === kind);
}

async function loadTableWithout(mutate: (routes: Awaited<ReturnType<typeof routeTableFromDb>>["routes"]) => typeof routes) {
  const routes = (await routeTableFromDb(db, config)).routes;
  // Under the same lock syncRoutes takes, so no deploy overwrites the broken table before the test looks.
  await withAdvisoryLock(db, "berth:router", async () => {
    await applyRouteTable(await resolveRouterAdmin(docker, config.router), { routes: mutate(routes) });
  });
}

before(async () => {
  tenantId = (await db.tenant.create({ data: { name: tenantName } })).id;
  appId = (await db.app.create({ data: { tenantId, name: appName, configVars: { create: { key: "GREETING", value: "one" } } } })).id;
  worker = await startInProcessWorker({ db, config, docker, prefix, workerId: `reconcile-test-${run}` });
  const sourceArchive = await archive(work, "v1", { "server.js": server });
  const first = await waitForEnd(db, (await startBuildDeployment(deps, { appId, commitSha: "abcd1234", sourceArchive, createdById: null })).deploymentId);
  assert.equal(first.status, "live", first.lines.join("\n"));
  const second = await waitForEnd(db, (await startConfigDeployment(deps, { appId, config: { GREETING: "two" }, description: "Set GREETING", createdById: null })).deploymentId!);
  assert.equal(second.status, "live", second.lines.join("\n"));
  await answers("hi two");
});

after(async () => {
  await worker?.close();
  await worker?.obliterate();
  await closeDeploymentQueues();
  await removeTestTenant({ db, docker, config }, tenantId, [appId]);
  rmSync(work, { recursive: true, force: true });
  await db.$disconnect();
});

describe("reconciler", { timeout: 600_000 }, () => {
  test("a deleted service is re-created on the live release and the repair is recorded", async () => {
    assert.ok(await removeService(docker, appServiceName(appId)));
    await reconcileRuntime(reconcileDeps);
    const app = await db.app.findUniqueOrThrow({ where: { id: appId } });
    const service = await inspectService(docker, appServiceName(appId));
    assert.equal(service?.spec.Labels?.[RELEASE_LABEL], app.currentReleaseId);
    await answers("hi two");
    assert.ok((await repairEvents("service-missing")).length >= 1, "recorded as a platform audit event");
    assertNoDuplicates(await settledRuntime({ docker, config }, { id: appId, tenant: tenantName, name: appName }), "after re-creating the service");
  });

  test("a service running another release is put back on the live one", async () => {
    const v1 = await db.release.findFirstOrThrow({ where: { appId, version: 1 } });
    const app = await db.app.findUniqueOrThrow({ where: { id: appId }, include: { tenant: true } });
    // Held under the app lock until it serves, so the platform's own reconciler cannot put v2 back
    // before the test has seen the drift.
    await withAppLock(db, appId, async () => {
      await applyReleaseService({ db, docker, config }, { id: appId, name: appName, tenant: app.tenant }, { id: v1.id, imageDigest: v1.imageDigest, config: decryptConfigMap(configKeyOf(config), v1.config) });
      await answers("hi one");
    });
    await reconcileRuntime(reconcileDeps);
    const service = await inspectService(docker, appServiceName(appId));
    assert.equal(service?.spec.Labels?.[RELEASE_LABEL], app.currentReleaseId);
    await answers("hi two");
    assert.ok((await repairEvents("service-wrong-release")).length >= 1);
  });

  test("a service scaled behind Berth's back is scaled back to the formation, on the same release", async () => {
    const before = await inspectService(docker, appServiceName(appId));
    assert.equal(before?.spec.Mode?.Replicated?.Replicas, 1);
    await patchService(docker, appServiceName(appId), (spec) => ({ ...spec, Mode: { Replicated: { Replicas: 3 } } }));
    await reconcileRuntime(reconcileDeps);
    const after = await inspectService(docker, appServiceName(appId));
    assert.equal(after?.spec.Mode?.Replicated?.Replicas, 1);
    assert.equal(after?.spec.Labels?.[RELEASE_LABEL], before?.spec.Labels?.[RELEASE_LABEL], "no other release");
    await answers("hi two");
    assert.ok((await repairEvents("service-wrong-scale")).length >= 1);
  });

  test("services of an app that no longer exists are removed, and the tenant sees why", async () => {
    const ghostId = `ghost${run}`;
    const ghost = `berth-app-${ghostId}-web`;
    const image = (await inspectService(docker, appServiceName(appId)))?.spec.TaskTemplate as { ContainerSpec?: { Image?: string } };
    const labels = { [MANAGED_LABEL]: "true", [TENANT_LABEL]: tenantName, [APP_LABEL]: "ghost", [APP_ID_LABEL]: ghostId };
    await applyService(docker, { name: ghost, image: image.ContainerSpec?.Image ?? "", env: {}, labels, networks: [], replicas: 0 });
    try {
      await reconcileRuntime(reconcileDeps);
      assert.equal(await inspectService(docker, ghost), null);
      const events = await db.auditEvent.findMany({ where: { targetId: ghostId, action: "runtime.repair" } });
      assert.equal(events.length, 1);
      assert.equal(events[0]?.tenantId, tenantId);
      assert.match(JSON.stringify(events[0]?.details), /left over from the deleted app/);
      // The app's own service is untouched.
      assert.ok(await inspectService(docker, appServiceName(appId)));
    } finally {
      await removeService(docker, ghost);
    }
  });

  test("the network of a tenant that no longer exists is removed once its leftover service is gone, with the router off it", async () => {
    const goneTenantId = `gone${run}`;
    const network = tenantNetworkName(goneTenantId);
    const leftover = `berth-app-goneapp${run}-web`;
    await ensureOverlayNetwork(docker, network, { [MANAGED_LABEL]: "true", [TENANT_LABEL]: `gone-${run}` });
    await connectRouterToNetwork(docker, config, network);
    // A task on the network: the manager refuses to remove a network in use until the task is gone.
    const labels = { [MANAGED_LABEL]: "true", [TENANT_LABEL]: `gone-${run}`, [APP_LABEL]: "gone", [APP_ID_LABEL]: `goneapp${run}` };
    await applyService(docker, { name: leftover, image: config.baseImages.debian, command: ["sleep", "infinity"], env: {}, labels, networks: [network], replicas: 1 });
    const problems: string[] = [];
    try {
      for (let i = 0; i < 120 && !(await listServiceTasks(docker, leftover)).some((t) => t.state === "running"); i++) await sleep(250);
      // Each pass removes what it can; the network stays in use until the removed service's task has
      // stopped (sleep ignores SIGTERM: about 10 s), and waits for a later pass without failing this one.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && (await networkExists(docker, network))) {
        await reconcileRuntime({ ...reconcileDeps, log: (m) => problems.push(m) });
        await sleep(250);
      }
      assert.deepEqual(problems, [], "no pass failed");
      assert.equal(await inspectService(docker, leftover), null);
      assert.equal(await networkExists(docker, network), false, "the leftover network is removed");
      const routerNetworks = Object.keys((await docker.getContainer(config.router.containerName).inspect()).NetworkSettings.Networks ?? {});
      assert.ok(!routerNetworks.includes(network), "the router left it");
      assert.ok(routerNetworks.includes(tenantNetworkName(tenantId)), "the router stays on the networks of tenants that exist");
      const events = await db.auditEvent.findMany({ where: { targetId: goneTenantId, action: "runtime.repair" } });
      assert.equal(events.length, 1);
      assert.equal(events[0]?.tenantId, null, "a platform-wide event: the tenant is gone");
      assert.equal(events[0]?.targetType, "tenant");
      assert.match(JSON.stringify(events[0]?.details), /left over from the deleted tenant gone-/);
      await answers("hi two");
    } finally {
      await removeService(docker, leftover);
      await disconnectRouterFromNetwork(docker, config, network);
      await removeNetwork(docker, network);
      await db.auditEvent.deleteMany({ where: { targetId: { in: [goneTenantId, `goneapp${run}`] } } });
    }
  });

  test("a deleted route is added back", async () => {
    await loadTableWithout((routes) => routes.filter((r) => r.id !== appId));
    const gone = await askRouterForHost(config.router.url, host);
    assert.equal(gone.isFallback, true, "the router no longer knows the app");
    await reconcileRuntime(reconcileDeps);
    await answers("hi two");
    assert.ok((await repairEvents("route-missing")).length >= 1);
  });

  test("a route pointing elsewhere is corrected", async () => {
    await loadTableWithout((routes) => routes.map((r) => (r.id === appId ? { ...r, upstreams: [{ dial: "nowhere.invalid:5000" }] } : r)));
    await reconcileRuntime(reconcileDeps);
    await answers("hi two");
    assert.ok((await repairEvents("route-stale")).length >= 1);
  });
});
