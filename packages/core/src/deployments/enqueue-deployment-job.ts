import type { Queue } from "bullmq";
import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { deploymentJobId, QUEUE_PREFIX } from "@berth/queue/catalog";
import { enqueue, openQueue } from "@berth/queue/producer";
import { AppError } from "../errors/app-error";
import { failDeployment } from "./deployment-transitions";

// One producer connection per process and prefix, opened on first use: a request must not pay for a
// fresh Redis connection, and a web process serving many pushes must not open one per push.
const queues = new Map<string, Queue>();

function deployQueue(config: Pick<BerthConfig, "redis">, prefix: string): Queue {
  const key = `${config.redis.host}:${config.redis.port}/${prefix}`;
  let queue = queues.get(key);
  if (!queue) {
    queue = openQueue(config.redis, "deploy", { prefix });
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

/**
 * Enqueues a deployment step carrying only the deployment id. When Redis refuses, the deployment is
 * marked failed with the reason (it would otherwise wait forever for a job that does not exist) and
 * UNAVAILABLE is thrown for the caller to report.
 */
export async function enqueueDeploymentJob(
  deps: { db: DbClient; config: Pick<BerthConfig, "redis">; queuePrefix?: string },
  name: "deploy.build" | "deploy.release",
  deploymentId: string,
): Promise<void> {
  try {
    await enqueue(deployQueue(deps.config, deps.queuePrefix ?? QUEUE_PREFIX), name, { deploymentId }, { jobId: deploymentJobId(name, deploymentId) });
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
