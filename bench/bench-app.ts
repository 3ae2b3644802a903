import os from "node:os";
import path from "node:path";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Queue, Worker } from "bullmq";
import { loadConfig } from "@berth/config/config";
import { appHost } from "@berth/core/apps/app-url";
import { appServiceNames } from "@berth/core/deployments/apply-release-service";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { readDeploymentProgress } from "@berth/core/deployments/read-deployment-progress";
import { RELEASE_LABEL, tenantNetworkName } from "@berth/core/deployments/runtime-names";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { syncRoutes } from "@berth/core/deployments/sync-routes";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { removeNetwork } from "@berth/docker/networks";
import { listServiceTasks, removeService } from "@berth/docker/services";
import { workerConnection } from "@berth/queue/connection";
import { disconnectRouterFromNetwork } from "@berth/router/router-networks";
import { runJob } from "../apps/worker/src/run-job";

/**
 * A throwaway tenant and app for a benchmark, deployed by this checkout's worker code running in
 * this process on a private queue prefix (the platform's worker never sees the jobs), through the
 * real registry, Swarm and router.
 */
export async function openBenchApp(label: string, opts: { readyTimeoutMs?: number } = {}) {
  const config = loadConfig();
  const db = createDb(config.postgres.url);
  const docker = connectDocker(config.docker.socketPath);
  const run = randomBytes(3).toString("hex");
  const prefix = `berth-bench-${label}-${run}`;
  const tenant = await db.tenant.create({ data: { name: `bench-${run}` } });
  const app = await db.app.create({ data: { tenantId: tenant.id, name: `${label}-${run}`, configVars: { create: { key: "GREETING", value: "0" } } } });
  const host = appHost(config, tenant.name, app.name);
  const work = await mkdtemp(path.join(os.tmpdir(), "berth-bench-"));
  const self = { workerId: `bench-${run}`, hostname: os.hostname(), pid: process.pid, startedAt: new Date() };
  const base = { db, config, docker, self, leaseOwner: `bench-${run}#${process.pid}`, log: () => {}, readyTimeoutMs: opts.readyTimeoutMs };
  const connection = workerConnection(config.redis);
  const workers = [
    new Worker("build", (job) => runJob(job, base), { connection, prefix, concurrency: 2 }),
    new Worker("deploy", (job) => runJob(job, base), { connection, prefix, concurrency: 4 }),
  ];
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const deps = { db, config, queuePrefix: prefix };

  async function waitForEnd(deploymentId: string, timeoutMs = 600_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const p = await readDeploymentProgress(db, deploymentId, 2_147_483_647);
      if (p.status === "live" || p.status === "failed" || p.status === "cancelled") return p;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`deployment ${deploymentId} did not end`);
  }

  async function push(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(work, "src-"));
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    const tar = `${dir}.tar`;
    await new Promise<void>((resolve, reject) => {
      const p = spawn("tar", ["-cf", tar, "-C", dir, "."], { stdio: "ignore" });
      p.on("error", reject);
      p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tar exited ${code}`))));
    });
    return (await startBuildDeployment(deps, { appId: app.id, commitSha: randomBytes(6).toString("hex"), sourceArchive: tar, createdById: null })).deploymentId;
  }

  /**
   * Waits until the app has settled: every running instance belongs to the live release (the old
   * ones finished draining and stopped). A round that starts earlier measures the previous round's
   * teardown along with its own deploy.
   */
  async function waitForSettled(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const live = await db.app.findUniqueOrThrow({ where: { id: app.id }, select: { currentReleaseId: true } });
      const tasks = (await Promise.all((await appServiceNames(docker, app.id)).map((name) => listServiceTasks(docker, name)))).flat();
      if (tasks.every((t) => t.state !== "running" || t.labels[RELEASE_LABEL] === live.currentReleaseId)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${app.name} still runs instances of an older release after ${timeoutMs / 1000} s`);
  }

  async function close() {
    await Promise.all(workers.map((w) => w.close()));
    for (const name of ["build", "deploy"]) {
      const q = new Queue(name, { connection, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await closeDeploymentQueues();
    for (const name of await appServiceNames(docker, app.id)) await removeService(docker, name);
    await db.tenant.delete({ where: { id: tenant.id } });
    await syncRoutes({ db, config });
    const network = tenantNetworkName(tenant.id);
    await disconnectRouterFromNetwork(docker, config, network).catch(() => false);
    for (let i = 0; i < 60 && !(await removeNetwork(docker, network).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 1000));
    await rm(work, { recursive: true, force: true });
    await db.$disconnect();
  }

  return { config, db, docker, deps, app, tenant, host, push, waitForEnd, waitForSettled, close };
}

/**
 * An app answering `<GREETING>` at once, and after 300 ms on /slow. On SIGTERM it drains like a
 * well-behaved app: it stops accepting, answers what is in flight with `Connection: close` (so the
 * router drops its pooled keep-alive connections to this instance and dials the new one), closes
 * connections still idle after 3 s, and exits once its last connection is closed.
 */
export const BENCH_SERVER = [
  'const http = require("node:http");',
  "let draining = false;",
  "const server = http.createServer((req, res) => {",
  '  if (draining) res.setHeader("Connection", "close");',
  '  if (req.url === "/slow") return setTimeout(() => res.end(String(process.env.GREETING)), 300);',
  "  res.end(String(process.env.GREETING));",
  "});",
  "server.listen(Number(process.env.PORT));",
  'process.on("SIGTERM", () => {',
  "  draining = true;",
  "  server.close(() => process.exit(0));",
  // Closing an idle pooled connection at once races with a request the router is writing onto it;
  // by now every busy connection has been told to close, so only truly idle ones remain.
  "  setTimeout(() => server.closeIdleConnections(), 3000);",
  "});",
  "",
].join("\n");
