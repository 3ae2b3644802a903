import type { Queue } from "bullmq";
import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { deploymentJobId, jobCatalog, QUEUE_PREFIX, type QueueName } from "@berth/queue/catalog";
import { enqueue, openQueue } from "@berth/queue/producer";
import { AppError } from "../errors/app-error";
import { failDeployment } from "./deployment-transitions";

type DeploymentJob = "deploy.build" | "deploy.release";

// One producer connection per process, queue and prefix, opened on first use: a request must not pay
// for a fresh Redis connection, and a web process serving many pushes must not open one per push.
const queues = new Map<string, Queue>();

function jobQueue(config: Pick<BerthConfig, "redis">, name: QueueName, prefix: string): Queue {
  const key = `${config.redis.host}:${config.redis.port}/${prefix}/${name}`;
  let queue = queues.get(key);
  if (!queue) {
    queue = openQueue(config.redis, name, { prefix });
    // The producer reconnects by itself; without a listener an 'error' event would crash the process.
    queue.on("error", () => undefined);
    queues.set(key, queue);
  }
  return queue;
}

/** Closes the producer connections this process opened (tests, clean shutdown). */
export async function closeDeploymentQueues(): Promise<void> {
  const open = [...queues.values()];
  queues.clear();
  await Promise.all(open.map((q) => q.close()));
}

export interface EnqueueDeps {
  db: DbClient;
  config: Pick<BerthConfig, "redis">;
  queuePrefix?: string;
}

/**
 * Adds a deployment step's job (payload: the deployment id only) unless one is already waiting or
 * running. A finished job with the same deterministic id is removed first: a step can legitimately
 * run again (its turn came later, or its worker died), and BullMQ would ignore the second add.
 * Returns whether a job was added. `recovery` (the deployment's next recovery number) is for a
 * deployment whose worker died.
 */
export async function ensureDeploymentJob(deps: EnqueueDeps, name: DeploymentJob, deploymentId: string, opts: { recovery?: number } = {}): Promise<boolean> {
  const queue = jobQueue(deps.config, jobCatalog[name].queue, deps.queuePrefix ?? QUEUE_PREFIX);
  // A recovery gets a job of its own: the dead worker's job may still count as active in Redis
  // until BullMQ notices it stalled, and must not delay the recovery.
  const jobId = `${deploymentJobId(name, deploymentId)}${opts.recovery ? `-r${opts.recovery}` : ""}`;
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== "completed" && state !== "failed" && state !== "unknown") return false;
    await existing.remove().catch(() => undefined);
  }
  await enqueue(queue, name, { deploymentId }, { jobId });
  return true;
}

/**
 * Enqueues a deployment step for a caller that is waiting for an answer (a push, an API request).
 * When Redis refuses, the deployment is marked failed with the reason (it would otherwise wait for a
 * job that does not exist) and UNAVAILABLE is thrown for the caller to report.
 */
export async function enqueueDeploymentJob(deps: EnqueueDeps, name: DeploymentJob, deploymentId: string): Promise<void> {
  try {
    await ensureDeploymentJob(deps, name, deploymentId);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    await failDeployment(deps.db, deploymentId, `The job queue (Redis) did not accept the ${name} job: ${detail}`);
    throw new AppError("UNAVAILABLE", {
      message: `Enqueueing ${name} for deployment ${deploymentId} failed: ${detail}`,
      userMessage: "The deployment could not be queued because the job queue is not answering. Nothing was changed; try again shortly.",
      cause: err,
    });
  }
}
