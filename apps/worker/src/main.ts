import os from "node:os";
import { Queue, Worker } from "bullmq";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { deploymentJobId, jobCatalog, jobOptions, QUEUE_PREFIX } from "@berth/queue/catalog";
import { workerConnection } from "@berth/queue/connection";
import { enqueue } from "@berth/queue/producer";
import { loadWorkerEnv } from "./env";
import type { WorkerIdentity } from "./handlers/context";
import { handlePlatformHeartbeat } from "./handlers/platform-heartbeat";
import { log } from "./log";
import { runJob } from "./run-job";

const QUEUE = "platform" as const;
const DEPLOY_QUEUE = "deploy" as const;
/** Builds are CPU- and disk-heavy; the per-host cap is BERTH_WORKER_CONCURRENCY, but never more than this many at once. */
const MAX_DEPLOY_CONCURRENCY = 2;

async function main(): Promise<void> {
  const config = loadConfig();
  const env = loadWorkerEnv();
  const prefix = env.BERTH_QUEUE_PREFIX ?? QUEUE_PREFIX;
  const self: WorkerIdentity = { workerId: env.BERTH_WORKER_ID, hostname: os.hostname(), pid: process.pid, startedAt: new Date() };
  log(`starting ${self.workerId} (pid ${self.pid}, queue ${prefix}:${QUEUE}, concurrency ${env.BERTH_WORKER_CONCURRENCY})`);

  const db = createDb(config.postgres.url);
  const docker = connectDocker(config.docker.socketPath);
  const deployQueue = new Queue(DEPLOY_QUEUE, { connection: workerConnection(config.redis), prefix });
  const enqueueRelease = async (deploymentId: string) => {
    await enqueue(deployQueue, "deploy.release", { deploymentId }, { jobId: deploymentJobId("deploy.release", deploymentId) });
  };
  const base = { db, config, docker, self, log, enqueueRelease };
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


  const worker = new Worker(QUEUE, (job) => runJob(job, base), {
    connection: workerConnection(config.redis),
    prefix,
    concurrency: env.BERTH_WORKER_CONCURRENCY,
  });
  // Its own worker, so a long build never holds up a heartbeat.
  const deployWorker = new Worker(DEPLOY_QUEUE, (job) => runJob(job, base), {
    connection: workerConnection(config.redis),
    prefix,
    concurrency: Math.min(env.BERTH_WORKER_CONCURRENCY, MAX_DEPLOY_CONCURRENCY),
    // A build streams for minutes; the lock must outlive BullMQ's default 30 s between renewals under load.
    lockDuration: 120_000,
  });
  for (const w of [worker, deployWorker]) {
    w.on("completed", (job, result) => log(`job ${job.name} (${job.id}) done: ${JSON.stringify(result) ?? "ok"}`));
    w.on("failed", (job, err) => log(`job ${job?.name ?? "?"} (${job?.id ?? "?"}) failed: ${err.message}`));
    w.on("error", (err) => log(`error: ${err.message}`));
  }
  await Promise.all([worker.waitUntilReady(), deployWorker.waitUntilReady()]);
  log(`ready: processing ${QUEUE} (heartbeat every ${jobCatalog["platform.heartbeat"].repeat.everyMs / 1000} s) and ${DEPLOY_QUEUE}`);

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
    await Promise.all([worker.close(), deployWorker.close()]);
    log("worker closed");
    // The schedule is kept on purpose: a restart that starts the new process before the old one exits
    // shares this worker id, and removing the schedule here would silence the new process's beats.
    await Promise.all([queue.close(), deployQueue.close()]);
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
