import { existsSync } from "node:fs";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Queue } from "bullmq";
import { loadConfig } from "@berth/config/config";
import { appHost } from "@berth/core/apps/app-url";
import { configKeyOf } from "@berth/core/crypto/config-cipher";
import { configFromJson } from "@berth/core/deployments/create-release";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { readDeploymentProgress } from "@berth/core/deployments/read-deployment-progress";
import { appServiceName, RELEASE_LABEL, tenantNetworkName } from "@berth/core/deployments/runtime-names";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { startConfigDeployment } from "@berth/core/deployments/start-config-deployment";
import { startRollbackDeployment } from "@berth/core/deployments/start-rollback-deployment";
import { syncRoutes } from "@berth/core/deployments/sync-routes";
import { AppError } from "@berth/core/errors/app-error";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { removeNetwork } from "@berth/docker/networks";
import { listServiceTasks, removeService } from "@berth/docker/services";
import { deploymentJobId } from "@berth/queue/catalog";
import { workerConnection } from "@berth/queue/connection";
import { enqueue } from "@berth/queue/producer";
import { askRouterForHost } from "@berth/router/probe";
import { routerLookup } from "@berth/router/router-dns";
import { disconnectRouterFromNetwork } from "@berth/router/router-networks";
import { startInProcessWorker } from "./in-process-worker";

/**
 * The whole build & deploy engine against the real registry, Swarm, router, Postgres and Redis.
 * Jobs run in this process, on a queue prefix of their own: the platform's running worker never sees
 * them, and the code under test is this checkout's, not whatever the platform worker last loaded.
 */
const config = loadConfig();
const configKey = configKeyOf(config);
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(3).toString("hex");
const prefix = `berth-test-deploy-${run}`;
const tenantName = `dt-${run}`;
const appName = `greeter-${run}`;
const host = appHost(config, tenantName, appName);
const work = mkdtempSync(path.join(os.tmpdir(), "berth-deploy-test-"));

let tenantId = "";
let appId = "";
let deployQueue: Queue;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

function spawnTar(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn("tar", args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    proc.stderr.on("data", (c: Buffer) => (err += c.toString()));
    proc.on("error", reject);
    proc.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tar exited ${code}: ${err}`))));
  });
}

/** Writes the files into a fresh directory and tars it, as the git endpoint hands a pushed tree over. */
async function archive(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    await import("node:fs/promises").then((fs) => fs.mkdir(path.dirname(target), { recursive: true }));
    writeFileSync(target, content);
  }
  const tarFile = path.join(work, `${name}.tar`);
  await spawnTar(["-cf", tarFile, "-C", dir, "."]);
  return tarFile;
}

const greeter = {
  "server.js": [
    'const http = require("node:http");',
    'http.createServer((req, res) => res.end(`hello from ${process.env.GREETING}`)).listen(Number(process.env.PORT));',
    "",
  ].join("\n"),
};

async function waitForEnd(deploymentId: string, timeoutMs = 240_000) {
  const lines: string[] = [];
  let seq = 0;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const progress = await readDeploymentProgress(db, deploymentId, seq);
    for (const l of progress.lines) {
      assert.equal(l.seq, seq + 1, "log lines arrive in order without gaps");
      seq = l.seq;
      lines.push(l.line);
    }
    if (progress.status === "live" || progress.status === "failed" || progress.status === "cancelled") return { ...progress, lines };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`deployment ${deploymentId} did not finish within ${timeoutMs} ms:\n${lines.join("\n")}`);
}

async function body(): Promise<string> {
  const answer = await askRouterForHost(config.router.url, host);
  assert.equal(answer.status, 200, `GET ${host}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return answer.body;
}

async function releases() {
  return db.release.findMany({ where: { appId }, orderBy: { version: "asc" } });
}

const deps = { db, config, queuePrefix: prefix };

before(async () => {
  const tenant = await db.tenant.create({ data: { name: tenantName } });
  tenantId = tenant.id;
  const app = await db.app.create({ data: { tenantId, name: appName, configVars: { create: { key: "GREETING", value: "one" } } } });
  appId = app.id;
  deployQueue = new Queue("deploy", { connection: workerConnection(config.redis), prefix });
  worker = await startInProcessWorker({ db, config, docker, prefix, workerId: `deploy-test-${run}` });
});

after(async () => {
  await worker?.close();
  await worker?.obliterate();
  await deployQueue?.close();
  await closeDeploymentQueues();
  await removeService(docker, appServiceName(appId));
  if (tenantId) await db.tenant.delete({ where: { id: tenantId } });
  await syncRoutes({ db, config });
  // The service's tasks must be gone before the network can be removed.
  const network = tenantNetworkName(tenantId);
  await disconnectRouterFromNetwork(docker, config, network);
  for (let i = 0; i < 60 && !(await removeNetwork(docker, network)); i++) await new Promise((r) => setTimeout(r, 1000));
  rmSync(work, { recursive: true, force: true });
  await db.$disconnect();
});

describe("build and deploy engine", { timeout: 900_000 }, () => {
  let v1Digest = "";

  test("a Node app (server.js) is built, pushed, released and served through the router", async () => {
    const started = Date.now();
    const sourceArchive = await archive("v1", greeter);
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "1a2b3c4d5e6f", sourceArchive, createdById: null });
    const end = await waitForEnd(deploymentId);
    const took = Date.now() - started;
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
    assert.equal(end.releaseVersion, 1);
    console.log(`# startBuildDeployment → live in ${(took / 1000).toFixed(1)} s`);
    const log = end.lines.join("\n");
    for (const step of [/Building/, /Build plan: node/, /Pushing .*:v1/, /Releasing v1/, /Deploying v1/]) assert.match(log, step);
    assert.equal(end.lines.at(-1), `Release v1 is live at http://${host}${config.router.port === 80 ? "" : `:${config.router.port}`}`);
    assert.equal(await body(), "hello from one");
    assert.equal(existsSync(sourceArchive), false, "the pushed tree is not kept once its image exists");

    const [v1] = await releases();
    assert.equal(v1?.kind, "build");
    assert.equal(v1?.status, "live");
    assert.match(v1?.imageDigest ?? "", /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(configFromJson(configKey, v1?.config), { GREETING: "one" });
    assert.match(String((v1?.config as Record<string, string>).GREETING), /^v1:/, "the snapshot is stored encrypted");
    assert.equal(v1?.description, "Deploy 1a2b3c4");
    assert.equal(v1?.sourceCommit, "1a2b3c4d5e6f");
    v1Digest = v1?.imageDigest ?? "";
    const deployment = await db.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    for (const at of ["buildingAt", "pushingAt", "releasingAt", "deployingAt", "finishedAt"] as const) assert.ok(deployment[at], at);
    const app = await db.app.findUniqueOrThrow({ where: { id: appId } });
    assert.equal(app.currentReleaseId, v1?.id);
  });

  test("enqueueing the same step twice is a no-op", async () => {
    const latest = await db.deployment.findFirstOrThrow({ where: { appId }, orderBy: { createdAt: "desc" } });
    const job = await enqueue(deployQueue, "deploy.release", { deploymentId: latest.id }, { jobId: deploymentJobId("deploy.release", latest.id) });
    assert.equal(job.id, deploymentJobId("deploy.release", latest.id));
    assert.equal((await releases()).length, 1);
  });

  test("a config change is a new release of the same image, without a rebuild", async () => {
    await db.configVar.update({ where: { appId_key: { appId, key: "GREETING" } }, data: { value: "two" } });
    const { deploymentId } = await startConfigDeployment(deps, { appId, config: { GREETING: "two" }, description: "Set GREETING", createdById: null });
    assert.ok(deploymentId);
    const end = await waitForEnd(deploymentId);
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
    assert.doesNotMatch(end.lines.join("\n"), /Building|Pushing/);
    // Live means the router sends the old instance nothing new, even while it is still draining:
    // the router's resolver no longer lists it, and every request gets the new release.
    const [, live] = await releases();
    const tasks = await listServiceTasks(docker, appServiceName(appId));
    const resolved = await routerLookup(docker, config.router, appServiceName(appId));
    assert.ok(resolved?.length, "the router resolves the service's name");
    for (const old of tasks.filter((t) => t.labels[RELEASE_LABEL] !== live?.id && t.state === "running")) {
      for (const address of old.addresses) assert.ok(!resolved.includes(address), `old instance ${address} is out of the router's answer ${resolved.join(", ")}`);
    }
    for (let i = 0; i < 20; i++) assert.equal(await body(), "hello from two");
    const [v1, v2] = await releases();
    assert.equal(v2?.kind, "config");
    assert.equal(v2?.imageDigest, v1Digest);
    assert.deepEqual(configFromJson(configKey, v2?.config), { GREETING: "two" });
    assert.match(String((v2?.config as Record<string, string>).GREETING), /^v1:/, "the snapshot is stored encrypted");
    assert.equal(v2?.status, "live");
    assert.equal(v1?.status, "superseded");
  });

  test("a rollback releases v1's image and config again", async () => {
    await assert.rejects(startRollbackDeployment(deps, { appId, toVersion: 99, createdById: null }), (err) => AppError.is(err) && err.code === "NOT_FOUND");
    const { deploymentId } = await startRollbackDeployment(deps, { appId, toVersion: 1, createdById: null });
    const end = await waitForEnd(deploymentId);
    assert.equal(end.status, "live", `${end.failureReason}\n${end.lines.join("\n")}`);
    assert.equal(await body(), "hello from one");
    const v3 = (await releases())[2];
    assert.equal(v3?.kind, "rollback");
    assert.equal(v3?.description, "Rollback to v1");
    assert.equal(v3?.imageDigest, v1Digest);
    assert.deepEqual(configFromJson(configKey, v3?.config), { GREETING: "one" });
    assert.match(String((v3?.config as Record<string, string>).GREETING), /^v1:/, "the snapshot is stored encrypted");
  });

  test("a build that fails leaves the previous release serving", async () => {
    const sourceArchive = await archive("broken-build", { Dockerfile: `FROM ${config.baseImages.node}\nRUN echo "about to fail" && exit 3\n` });
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "bad0bad0", sourceArchive, createdById: null });
    const end = await waitForEnd(deploymentId);
    assert.equal(end.status, "failed");
    assert.match(end.failureReason ?? "", /build failed/i);
    assert.match(end.lines.join("\n"), /about to fail/, "the build output is in the log");
    assert.match(end.lines.at(-1) ?? "", /^Release v3 is still serving/);
    assert.equal(await body(), "hello from one");
    assert.equal((await releases()).length, 3, "no release for a failed build");
    assert.equal(existsSync(sourceArchive), false, "a failed build's tree is not kept either");
  });

  test("a release whose app crashes is rolled back; the reason carries the app's last output", async () => {
    const crash = 'require("node:http"); console.log("crashing on purpose"); process.exit(1);\n';
    const sourceArchive = await archive("crasher", { "server.js": crash });
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "c0ffee00", sourceArchive, createdById: null });
    const end = await waitForEnd(deploymentId);
    assert.equal(end.status, "failed", end.lines.join("\n"));
    assert.match(end.failureReason ?? "", /crashing on purpose/);
    assert.match(end.lines.at(-1) ?? "", /^Release v3 is still serving/);
    assert.equal(await body(), "hello from one");
    const all = await releases();
    assert.equal(all[3]?.status, "failed");
    assert.equal(all[2]?.status, "live");
    const app = await db.app.findUniqueOrThrow({ where: { id: appId } });
    assert.equal(app.currentReleaseId, all[2]?.id);
  });

  test("a tree nothing can build fails with what was looked for", async () => {
    const sourceArchive = await archive("nothing", { "README.md": "hi\n" });
    const { deploymentId } = await startBuildDeployment(deps, { appId, commitSha: "0000aaaa", sourceArchive, createdById: null });
    const end = await waitForEnd(deploymentId);
    assert.equal(end.status, "failed");
    assert.match(end.failureReason ?? "", /Dockerfile.*package\.json.*server\.js.*index\.html/s);
    assert.equal(await body(), "hello from one");
  });
});
