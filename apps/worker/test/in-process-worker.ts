import os from "node:os";
import { Queue, Worker } from "bullmq";
import type { BerthConfig } from "@berth/config/config";
import type { Database } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { workerConnection } from "@berth/queue/connection";
import { runJob } from "../src/run-job";

/**
 * The worker's build and deploy consumers, run inside a test process on a private queue prefix: the
 * platform's worker never sees these jobs, and the code under test is this checkout's.
 */
export async function startInProcessWorker(opts: { db: Database; config: BerthConfig; docker: DockerClient; prefix: string; workerId: string; log?: (m: string) => void }) {
  const self = { workerId: opts.workerId, hostname: os.hostname(), pid: process.pid, startedAt: new Date() };
  const base = { db: opts.db, config: opts.config, docker: opts.docker, self, leaseOwner: `${opts.workerId}#${process.pid}`, log: opts.log ?? (() => {}) };
  const connection = workerConnection(opts.config.redis);
  const workers = [
    new Worker("build", (job) => runJob(job, base), { connection, prefix: opts.prefix, concurrency: opts.config.deploys.maxConcurrentBuilds }),
    new Worker("deploy", (job) => runJob(job, base), { connection, prefix: opts.prefix, concurrency: opts.config.deploys.maxConcurrentDeploys }),
  ];
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return {
    base,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
    /** Removes every job and key of the private prefix. */
    obliterate: async () => {
      for (const name of ["build", "deploy"]) {
        const q = new Queue(name, { connection, prefix: opts.prefix });
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
    },
  };
}
