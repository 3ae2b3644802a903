import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { appHost } from "@berth/core/apps/app-url";
import { cancelDeployment } from "@berth/core/deployments/cancel-deployment";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { appServiceName, buildImageTag, RELEASE_LABEL } from "@berth/core/deployments/runtime-names";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { startConfigDeployment } from "@berth/core/deployments/start-config-deployment";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { imageExists } from "@berth/docker/images";
import { inspectService } from "@berth/docker/services";
import { askRouterForHost } from "@berth/router/probe";
import { archive, assertNoDuplicates, greeterServer, removeTestTenant, settledRuntime, sleep, slowBuild, waitForEnd, waitForStep } from "./deploy-fixtures";
import { startInProcessWorker } from "./in-process-worker";

/**
 * Push order, one rollout at a time per app, and cancel: against the real registry, Swarm, router,
 * Postgres and Redis, with the worker's consumers running in this process on a private prefix.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(3).toString("hex");
const prefix = `berth-test-order-${run}`;
const tenantName = `oc-${run}`;
const appName = `queue-${run}`;
const host = appHost(config, tenantName, appName);
const work = mkdtempSync(path.join(os.tmpdir(), "berth-order-test-"));
const deps = { db, config, queuePrefix: prefix };
let tenantId = "";
let appId = "";
let userId = "";
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

async function body(): Promise<string> {
  const answer = await askRouterForHost(config.router.url, host);
  assert.equal(answer.status, 200, `GET ${host}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return answer.body;
}

const push = async (name: string, files: Record<string, string>) => {
  const sourceArchive = await archive(work, name, files);
  return (await startBuildDeployment(deps, { appId, commitSha: randomBytes(6).toString("hex"), sourceArchive, createdById: userId })).deploymentId;
};
const cancel = (deploymentId?: string) => cancelDeployment({ db, config }, { userId, tenant: tenantName, app: appName, deploymentId });

/** When the deployment's log line matching `re` was written. */
async function lineTime(deploymentId: string, re: RegExp): Promise<Date> {
  const lines = await db.deploymentLogLine.findMany({ where: { deploymentId }, orderBy: { seq: "asc" } });
  const line = lines.find((l) => re.test(l.line));
  assert.ok(line, `deployment ${deploymentId} has a line matching ${re}`);
  return line.createdAt;
}

/** Running containers whose command mentions `marker` (a build step's `RUN echo <marker> && sleep`). */
async function containersRunning(marker: string): Promise<string[]> {
  const list = await docker.listContainers();
  return list.filter((c) => c.Command.includes(marker)).map((c) => c.Id);
}

before(async () => {
  const tenant = await db.tenant.create({ data: { name: tenantName } });
  tenantId = tenant.id;
  const user = await db.user.create({ data: { email: `oc-${run}@test.localhost`, passwordHash: "x" } });
  userId = user.id;
  await db.membership.create({ data: { tenantId, userId, role: "developer" } });
  appId = (await db.app.create({ data: { tenantId, name: appName, configVars: { create: { key: "GREETING", value: "one" } } } })).id;
  worker = await startInProcessWorker({ db, config, docker, prefix, workerId: `order-test-${run}` });
});

after(async () => {
  await worker?.close();
  await worker?.obliterate();
  await closeDeploymentQueues();
  await removeTestTenant({ db, docker, config }, tenantId, [appId]);
  await db.user.delete({ where: { id: userId } }).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  await db.$disconnect();
});

describe("deploys of one app: push order and cancel", { timeout: 900_000 }, () => {
  test("first release goes live", async () => {
    const end = await waitForEnd(db, await push("v1", greeterServer("one")));
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
    assert.equal(await body(), "one");
  });

  test("later pushes go live in push order, even when a later one builds faster", async () => {
    const slow = await push("slow", slowBuild("slow", `order-${run}`, 10, config.baseImages.node));
    const change = (await startConfigDeployment(deps, { appId, config: { GREETING: "two" }, description: "Set GREETING", createdById: userId })).deploymentId!;
    const fast = await push("fast", greeterServer("fast"));
    const ends = [];
    for (const id of [slow, change, fast]) ends.push(await waitForEnd(db, id));
    for (const end of ends) assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
    // The fast build was ready first, and still waited for the slow one before it.
    assert.ok((await lineTime(fast, /^-----> Queued/)) < (await lineTime(slow, /^-----> Queued/)), "the later push finished building first");
    const rows = await db.deployment.findMany({ where: { id: { in: [slow, change, fast] } }, include: { release: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.deepEqual([slow, change, fast].map((id) => byId.get(id)?.release?.version), [2, 3, 4], "releases are numbered in push order");
    const deployingAt = [slow, change, fast].map((id) => byId.get(id)!.deployingAt!.getTime());
    const finishedAt = [slow, change, fast].map((id) => byId.get(id)!.finishedAt!.getTime());
    assert.ok(deployingAt[1]! >= finishedAt[0]! && deployingAt[2]! >= finishedAt[1]!, "each rollout started after the one before it ended");
    assert.equal(await body(), "fast");
  });

  test("cancelling a running build kills it; the deployment ends cancelled and the current release keeps serving", async () => {
    const marker = `cancel-build-${run}`;
    const id = await push("cancel-build", slowBuild("never", marker, 300, config.baseImages.node));
    await waitForStep(db, id, "building", new RegExp(`echo ${marker}`));
    // The build step's container is running.
    for (let i = 0; i < 30 && !(await containersRunning(marker)).length; i++) await sleep(500);
    assert.ok((await containersRunning(marker)).length > 0, "the build's RUN step runs in a container");

    const asked = await cancel();
    assert.equal(asked.deploymentId, id, "without an id, the deployment in progress is cancelled");
    const end = await waitForEnd(db, id);
    assert.equal(end.status, "cancelled", `${end.failureReason}\n${end.lines.join("\n")}`);
    assert.equal(end.failureReason, "Cancelled on request.");
    assert.match(end.lines.at(-1) ?? "", /^Release v4 is still serving/);
    assert.equal(await body(), "fast");
    const tag = buildImageTag(config, tenantName, appName, id);
    assert.equal(await imageExists(docker, tag), false, "the build produced no image");
    for (let i = 0; i < 30 && (await containersRunning(marker)).length; i++) await sleep(500);
    assert.deepEqual(await containersRunning(marker), [], "the engine stopped the build's container");
    assert.equal(await db.release.count({ where: { appId } }), 4, "no release for a cancelled build");
  });

  test("cancelling a rollout rolls the service back to the previous release", async () => {
    const current = await db.app.findUniqueOrThrow({ where: { id: appId }, select: { currentReleaseId: true } });
    // Never listens: the new instance never becomes healthy, so the rollout waits until cancelled.
    const id = await push("cancel-rollout", greeterServer("never", 3_600_000));
    await waitForStep(db, id, "deploying", /service updated/);
    assert.equal(await body(), "fast");
    await cancel(id);
    const end = await waitForEnd(db, id);
    assert.equal(end.status, "cancelled", `${end.failureReason}\n${end.lines.join("\n")}`);
    assert.match(end.lines.join("\n"), /Putting v4 back/);
    assert.equal(await body(), "fast");
    const service = await inspectService(docker, appServiceName(appId));
    assert.equal(service?.spec.Labels?.[RELEASE_LABEL], current.currentReleaseId, "the service runs the previous release again");
    const release = await db.deployment.findUniqueOrThrow({ where: { id }, include: { release: true } });
    assert.equal(release.release?.status, "failed", "the cancelled release never became live");
    assertNoDuplicates(await settledRuntime({ docker, config }, { id: appId, tenant: tenantName, name: appName }), "after a cancelled rollout");
  });

  test("a deployment waiting for its turn is cancelled at once, and the ones behind it move on", async () => {
    const running = await push("running", slowBuild("after", `wait-${run}`, 8, config.baseImages.node));
    const waiting = (await startConfigDeployment(deps, { appId, config: { GREETING: "three" }, description: "Set GREETING", createdById: userId })).deploymentId!;
    const behind = (await startConfigDeployment(deps, { appId, config: { GREETING: "four" }, description: "Set GREETING again", createdById: userId })).deploymentId!;
    const asked = await cancel(waiting);
    assert.deepEqual(asked, { deploymentId: waiting, status: "cancelled" });
    await assert.rejects(cancel(waiting), /already ended/i);
    for (const id of [running, behind]) {
      const end = await waitForEnd(db, id);
      assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
    }
    assert.equal(await body(), "after");
    assert.equal((await db.deployment.findUniqueOrThrow({ where: { id: waiting } })).releaseId, null, "the cancelled one made no release");
  });

  test("the build cap is per host: a second worker process on this host waits for a slot instead of building beside the first", async () => {
    const capOne = { ...config, deploys: { ...config.deploys, maxConcurrentBuilds: 1 } };
    const slotPrefix = `${prefix}-slots`;
    const slotWorkers = await Promise.all(["a", "b"].map((n) => startInProcessWorker({ db, config: capOne, docker, prefix: slotPrefix, workerId: `slots-${n}-${run}` })));
    try {
      const pushTo = async (name: string, files: Record<string, string>) =>
        (await startBuildDeployment({ db, config, queuePrefix: slotPrefix }, { appId, commitSha: randomBytes(6).toString("hex"), sourceArchive: await archive(work, name, files), createdById: userId })).deploymentId;
      const first = await pushTo("slot-1", slowBuild("slot-1", `slot-${run}`, 4, config.baseImages.node));
      await waitForStep(db, first, "building");
      const second = await pushTo("slot-2", greeterServer("slot-2"));
      const ends = [await waitForEnd(db, first), await waitForEnd(db, second)];
      for (const end of ends) assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
      assert.ok(ends[1]!.lines.some((l) => /^-----> Waiting for a build slot: \d+ builds? running on /.test(l)), ends[1]!.lines.join("\n"));
      // Each worker process could run one build, the host only one: the second built after the first.
      const startedSecond = (await db.deployment.findUniqueOrThrow({ where: { id: second } })).buildingAt!;
      assert.ok(startedSecond >= (await lineTime(first, /^-----> Queued/)), "the second build started once the first had finished");
      assert.equal(await body(), "slot-2");
    } finally {
      for (const w of slotWorkers) {
        await w.close();
        await w.obliterate();
      }
    }
  });
});
