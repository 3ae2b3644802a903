import os from "node:os";
import { Queue, Worker } from "bullmq";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { jobCatalog, jobOptions, QUEUE_PREFIX } from "@berth/queue/catalog";
import { workerConnection } from "@berth/queue/connection";
import { loadWorkerEnv } from "./env";
import type { WorkerIdentity } from "./handlers/context";
import { handlePlatformHeartbeat } from "./handlers/platform-heartbeat";
import { log } from "./log";
import { runJob } from "./run-job";

const QUEUE = "platform" as const;

async function main(): Promise<void> {
  const config = loadConfig();
  const env = loadWorkerEnv();
  const prefix = env.BERTH_QUEUE_PREFIX ?? QUEUE_PREFIX;
  const self: WorkerIdentity = { workerId: env.BERTH_WORKER_ID, hostname: os.hostname(), pid: process.pid, startedAt: new Date() };
  log(`starting ${self.workerId} (pid ${self.pid}, queue ${prefix}:${QUEUE}, concurrency ${env.BERTH_WORKER_CONCURRENCY})`);

  const db = createDb(config.postgres.url);
  // The first beat is written before taking jobs: it proves the database works and makes the worker
  // visible at once instead of 15 s later.
  await handlePlatformHeartbeat({ workerId: self.workerId }, { db, self, signal: AbortSignal.timeout(10_000), log });
  log("heartbeat row written");

  const queue = new Queue(QUEUE, { connection: workerConnection(config.redis), prefix });
  const schedulerId = `platform.heartbeat:${self.workerId}`;
  // upsert: a restart replaces this worker's schedule instead of adding a second one.
  await queue.upsertJobScheduler(
    schedulerId,
    { every: jobCatalog["platform.heartbeat"].repeat.everyMs },
    { name: "platform.heartbeat", data: { workerId: self.workerId }, opts: jobOptions("platform.heartbeat") },
  );

  const worker = new Worker(QUEUE, (job) => runJob(job, { db, self, log }), {
    connection: workerConnection(config.redis),
    prefix,
    concurrency: env.BERTH_WORKER_CONCURRENCY,
  });
  worker.on("completed", (job, result) => log(`job ${job.name} (${job.id}) done: ${JSON.stringify(result) ?? "ok"}`));
  worker.on("failed", (job, err) => log(`job ${job?.name ?? "?"} (${job?.id ?? "?"}) failed: ${err.message}`));
  worker.on("error", (err) => log(`error: ${err.message}`));
  await worker.waitUntilReady();
  log(`ready: processing ${QUEUE} (heartbeat every ${jobCatalog["platform.heartbeat"].repeat.everyMs / 1000} s)`);

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
    await worker.close();
    log("worker closed");
    // The schedule is kept on purpose: a restart that starts the new process before the old one exits
    // shares this worker id, and removing the schedule here would silence the new process's beats.
    await queue.close();
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
