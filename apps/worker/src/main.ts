import os from "node:os";
import { Queue, Worker } from "bullmq";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { jobCatalog, jobOptions, QUEUE_PREFIX } from "@berth/queue/catalog";
import { workerConnection } from "@berth/queue/connection";
import { loadWorkerEnv } from "./env";
import { leaseOwnerOf, type WorkerIdentity } from "./handlers/context";
import { startMaintenanceLoop } from "./maintenance-loop";
import { handlePlatformHeartbeat } from "./handlers/platform-heartbeat";
import { log } from "./log";
import { runJob } from "./run-job";

const QUEUE = "platform" as const;
const BUILD_QUEUE = "build" as const;
const DEPLOY_QUEUE = "deploy" as const;

async function main(): Promise<void> {
  const config = loadConfig();
  const env = loadWorkerEnv();
  const prefix = env.BERTH_QUEUE_PREFIX ?? QUEUE_PREFIX;
  const self: WorkerIdentity = { workerId: env.BERTH_WORKER_ID, hostname: os.hostname(), pid: process.pid, startedAt: new Date() };
  log(`starting ${self.workerId} (pid ${self.pid}, queue ${prefix}:${QUEUE}, concurrency ${env.BERTH_WORKER_CONCURRENCY})`);

  const db = createDb(config.postgres.url);
  const docker = connectDocker(config.docker.socketPath);
  const base = { db, config, docker, self, leaseOwner: leaseOwnerOf(self), log };
  // The first beat is written before taking jobs: it proves the database works and makes the worker
  // visible at once instead of 15 s later.
  await handlePlatformHeartbeat({ workerId: self.workerId }, { ...base, signal: AbortSignal.timeout(10_000) });
  log("heartbeat row written");

  const queue = new Queue(QUEUE, { connection: workerConnection(config.redis), prefix });
  const schedulerId = `platform.heartbeat:${self.workerId}`;
  // upsert: a restart replaces this worker's schedule instead of adding a second one.
  await queue.upsertJobScheduler(
    schedulerId,
    { every: jobCatalog["platform.heartbeat"].repeat.everyMs },
    { name: "platform.heartbeat", data: { workerId: self.workerId }, opts: jobOptions("platform.heartbeat") },
  );
  // One crash-check schedule for every worker (a fixed scheduler id), not one per process.
  await queue.upsertJobScheduler(
    "runtime.check-crashes",
    { every: jobCatalog["runtime.check-crashes"].repeat.everyMs },
    { name: "runtime.check-crashes", data: {}, opts: jobOptions("runtime.check-crashes") },
  );


  const worker = new Worker(QUEUE, (job) => runJob(job, base), {
    connection: workerConnection(config.redis),
    prefix,
    concurrency: env.BERTH_WORKER_CONCURRENCY,
  });
  // Builds and rollouts have workers of their own, so a long build never holds up a heartbeat, and a
  // host's build slots (the per-host build cap) never hold up other apps' rollouts.
  const buildWorker = new Worker(BUILD_QUEUE, (job) => runJob(job, base), {
    connection: workerConnection(config.redis),
    prefix,
    concurrency: config.deploys.maxConcurrentBuilds,
  });
  const deployWorker = new Worker(DEPLOY_QUEUE, (job) => runJob(job, base), {
    connection: workerConnection(config.redis),
    prefix,
    concurrency: config.deploys.maxConcurrentDeploys,
  });
  const workers = [worker, buildWorker, deployWorker];
  for (const w of workers) {
    w.on("completed", (job, result) => log(`job ${job.name} (${job.id}) done: ${JSON.stringify(result) ?? "ok"}`));
    w.on("failed", (job, err) => log(`job ${job?.name ?? "?"} (${job?.id ?? "?"}) failed: ${err.message}`));
    w.on("error", (err) => log(`error: ${err.message}`));
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  log(
    `ready: processing ${QUEUE} (heartbeat every ${jobCatalog["platform.heartbeat"].repeat.everyMs / 1000} s), ` +
      `${BUILD_QUEUE} (${config.deploys.maxConcurrentBuilds} at once) and ${DEPLOY_QUEUE} (${config.deploys.maxConcurrentDeploys} at once)`,
  );
  // Deployments a dead worker left behind, and runtime drift, are dealt with now and then periodically.
  const maintenance = startMaintenanceLoop({ db, config, docker, queuePrefix: prefix, reconcile: env.BERTH_RECONCILER === "1", log });
  void maintenance.runOnce();

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Every job has a catalog timeout, so waiting for in-flight jobs is bounded; this guard covers a hung connection.
    const longest = Math.max(...Object.values(jobCatalog).map((j) => j.timeoutMs));
    setTimeout(() => {
      log(`shutdown did not finish within ${longest + 10_000} ms; exiting 1`);
      process.exit(1);
    }, longest + 10_000).unref();
    log(`${signal} received: no new jobs; waiting for in-flight jobs`);
    await Promise.all(workers.map((w) => w.close()));
    await maintenance.stop();
    log("worker closed");
    // The schedule is kept on purpose: a restart that starts the new process before the old one exits
    // shares this worker id, and removing the schedule here would silence the new process's beats.
    await queue.close();
    await closeDeploymentQueues();
    log("redis connections closed");
    await db.$disconnect();
    log("database connection closed");
    log("exit 0");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  log(`failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
