import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { appHost } from "@berth/core/apps/app-url";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { startConfigDeployment } from "@berth/core/deployments/start-config-deployment";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { askRouterForHost } from "@berth/router/probe";
import { archive, assertNoDuplicates, greeterServer, removeTestTenant, settledRuntime, waitForEnd } from "./deploy-fixtures";
import { startInProcessWorker } from "./in-process-worker";

/**
 * One deploy at a time per app, but many apps at once: three apps of one new tenant are pushed at
 * the same moment (each first rollout makes sure of the tenant's network and the router's place on
 * it), then changed at the same moment, and their rollouts run side by side.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(3).toString("hex");
const prefix = `berth-test-parallel-${run}`;
const tenantName = `pa-${run}`;
const work = mkdtempSync(path.join(os.tmpdir(), "berth-parallel-test-"));
const deps = { db, config, queuePrefix: prefix };
const names = ["alpha", "beta", "gamma"].map((n) => `${n}-${run}`);
const appIds: string[] = [];
let tenantId = "";
let userId = "";
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

/** Slow to start, so that each rollout stays in `deploying` long enough for the others to overlap it. */
const START_DELAY_MS = 2000;

before(async () => {
  tenantId = (await db.tenant.create({ data: { name: tenantName } })).id;
  userId = (await db.user.create({ data: { email: `pa-${run}@test.localhost`, passwordHash: "x" } })).id;
  await db.membership.create({ data: { tenantId, userId, role: "developer" } });
  for (const name of names) appIds.push((await db.app.create({ data: { tenantId, name } })).id);
  worker = await startInProcessWorker({ db, config, docker, prefix, workerId: `parallel-test-${run}` });
});

after(async () => {
  await worker?.close();
  await worker?.obliterate();
  await closeDeploymentQueues();
  await removeTestTenant({ db, docker, config }, tenantId, appIds);
  await db.user.delete({ where: { id: userId } }).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  await db.$disconnect();
});

async function answer(name: string): Promise<string> {
  const a = await askRouterForHost(config.router.url, appHost(config, tenantName, name));
  assert.equal(a.status, 200, `${name}: ${a.status} ${a.body.slice(0, 200)}`);
  return a.body;
}

async function endsOf(ids: string[]) {
  const ends = await Promise.all(ids.map((id) => waitForEnd(db, id)));
  for (const end of ends) assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
  return db.deployment.findMany({ where: { id: { in: ids } }, select: { deployingAt: true, finishedAt: true } });
}

describe("deploys of several apps at once", { timeout: 900_000 }, () => {
  test("first pushes of three apps of a new tenant at the same moment all go live, each serving its own code", async () => {
    const ids = await Promise.all(
      names.map(async (name, i) => {
        const sourceArchive = await archive(work, name, greeterServer(name, START_DELAY_MS));
        return (await startBuildDeployment(deps, { appId: appIds[i]!, commitSha: randomBytes(6).toString("hex"), sourceArchive, createdById: userId })).deploymentId;
      }),
    );
    await endsOf(ids);
    for (const [i, name] of names.entries()) {
      assert.equal(await answer(name), name);
      assertNoDuplicates(await settledRuntime({ docker, config }, { id: appIds[i]!, tenant: tenantName, name }), name);
    }
  });

  test("config changes of the three apps roll out side by side, not one after another", async () => {
    const ids = await Promise.all(
      appIds.map(async (appId) => (await startConfigDeployment(deps, { appId, config: { CHANGED: "1" }, description: "Set CHANGED", createdById: userId })).deploymentId!),
    );
    const rows = await endsOf(ids);
    const lastStart = Math.max(...rows.map((r) => r.deployingAt!.getTime()));
    const firstEnd = Math.min(...rows.map((r) => r.finishedAt!.getTime()));
    assert.ok(lastStart < firstEnd, `every rollout started before any ended (last start ${lastStart}, first end ${firstEnd})`);
    for (const name of names) assert.equal(await answer(name), name);
  });
});
