import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { loadConfig } from "@berth/config/config";
import { appHost } from "@berth/core/apps/app-url";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { controlComponent } from "@berth/platform/control";
import { workerConnection } from "@berth/queue/connection";
import { askRouterForHost } from "@berth/router/probe";
import { archive, assertNoDuplicates, greeterServer, removeTestTenant, settledRuntime, slowBuild, waitForEnd, waitForStep } from "./deploy-fixtures";

/**
 * A real worker process (on a private queue prefix) is killed with SIGKILL in the middle of a build
 * and in the middle of a rollout; a new process takes the deployment up and it goes live, with one
 * service, one running instance and one route. Then Redis is restarted during a deploy. Leases are
 * short here (5 s) so the takeover happens within the test's patience; the mechanism is the same.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(3).toString("hex");
const prefix = `berth-test-crash-${run}`;
const tenantName = `cr-${run}`;
const appName = `phoenix-${run}`;
const host = appHost(config, tenantName, appName);
const work = mkdtempSync(path.join(os.tmpdir(), "berth-crash-test-"));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const deps = { db, config, queuePrefix: prefix };
let tenantId = "";
let appId = "";
let worker: ChildProcess | null = null;
let output = "";

/** Starts a worker process and resolves once it takes jobs. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/test/worker-process.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      BERTH_QUEUE_PREFIX: prefix,
      BERTH_WORKER_ID: `crash-test-${run}`,
      BERTH_RECONCILER: "0",
      BERTH_DEPLOY_LEASE_MS: "5000",
      BERTH_RECONCILE_INTERVAL_MS: "2000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready: processing/.test(output.split(`pid ${child.pid}`).at(-1) ?? "")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  worker = child;
  return child;
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

async function body(): Promise<string> {
  const answer = await askRouterForHost(config.router.url, host);
  assert.equal(answer.status, 200, `GET ${host}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return answer.body;
}

const appRef = () => ({ id: appId, tenant: tenantName, name: appName });

before(async () => {
  const tenant = await db.tenant.create({ data: { name: tenantName } });
  tenantId = tenant.id;
  appId = (await db.app.create({ data: { tenantId, name: appName } })).id;
  await startWorker();
});

after(async () => {
  if (worker && worker.exitCode === null) await kill9(worker);
  for (const name of ["build", "deploy", "platform"]) {
    const q = new Queue(name, { connection: workerConnection(config.redis), prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  await closeDeploymentQueues();
  await removeTestTenant({ db, docker, config }, tenantId, [appId]);
  await db.workerHeartbeat.deleteMany({ where: { id: `crash-test-${run}` } });
  rmSync(work, { recursive: true, force: true });
  await db.$disconnect();
});

describe("a worker killed mid-deploy", { timeout: 900_000 }, () => {
  test("first release goes live", async () => {
    const sourceArchive = await archive(work, "v1", greeterServer("v1"));
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "aaaa1111", sourceArchive, createdById: null });
    const end = await waitForEnd(db, deploymentId);
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
    assert.equal(await body(), "v1");
  });

  test("SIGKILL during a build: a restarted worker builds it again and it goes live, nothing duplicated", async () => {
    const marker = `crash-build-${run}`;
    const sourceArchive = await archive(work, "v2", slowBuild("v2", marker, 15, config.baseImages.node));
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "bbbb2222", sourceArchive, createdById: null });
    await waitForStep(db, deploymentId, "building", new RegExp(`echo ${marker}`));
    await kill9(worker!);
    const orphan = await db.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    assert.equal(orphan.status, "building", "the dead worker's deployment is left in building, leased");
    assert.ok(orphan.leaseOwner && orphan.leaseExpiresAt, "with the dead worker's lease");

    await startWorker();
    const end = await waitForEnd(db, deploymentId);
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}\n--- worker ---\n${output.slice(-3000)}`);
    assert.match(end.lines.join("\n"), /stopped; building it again/);
    const row = await db.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    assert.equal(row.recoveries, 1);
    assert.equal(row.leaseOwner, null, "an ended deployment holds no lease");
    assert.equal(await body(), "v2");
    assertNoDuplicates(await settledRuntime({ docker, config }, appRef()), "after a build takeover");
    assert.equal(await db.release.count({ where: { appId } }), 2, "one release per deployment");
  });

  test("SIGKILL during a rollout: a restarted worker resumes it from the release row and it goes live", async () => {
    // The new instance takes 12 s to listen, so the rollout sits in `deploying` while the worker dies.
    const sourceArchive = await archive(work, "v3", greeterServer("v3", 12_000));
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "cccc3333", sourceArchive, createdById: null });
    await waitForStep(db, deploymentId, "deploying", /service updated/);
    await kill9(worker!);
    // The old release keeps serving while nobody drives the rollout.
    assert.equal(await body(), "v2");

    await startWorker();
    const end = await waitForEnd(db, deploymentId);
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}\n--- worker ---\n${output.slice(-3000)}`);
    assert.match(end.lines.join("\n"), /stopped during deploying; taking it up again/);
    assert.equal(await body(), "v3");
    assertNoDuplicates(await settledRuntime({ docker, config }, appRef()), "after a rollout takeover");
    const releases = await db.release.findMany({ where: { appId }, orderBy: { version: "asc" } });
    assert.deepEqual(releases.map((r) => `v${r.version}:${r.status}`), ["v1:superseded", "v2:superseded", "v3:live"]);
  });

  test("Redis restarted during a deploy: nothing is lost, the deploy goes live", async () => {
    const marker = `crash-redis-${run}`;
    const sourceArchive = await archive(work, "v4", slowBuild("v4", marker, 6, config.baseImages.node));
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "dddd4444", sourceArchive, createdById: null });
    await waitForStep(db, deploymentId, "building", new RegExp(`echo ${marker}`));
    const quiet = { step: () => undefined, ok: () => undefined, warn: () => undefined, info: () => undefined };
    await controlComponent("restart", "redis", config, quiet);
    const end = await waitForEnd(db, deploymentId);
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}\n--- worker ---\n${output.slice(-3000)}`);
    assert.equal(await body(), "v4");
    assertNoDuplicates(await settledRuntime({ docker, config }, appRef()), "after a Redis restart");
  });
});
