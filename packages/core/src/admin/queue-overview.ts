import type { BerthConfig } from "@berth/config/config";
import { QUEUE_NAMES, type QueueName } from "@berth/queue/catalog";
import { openQueue } from "@berth/queue/producer";
import { AppError } from "../errors/app-error";

type Queue = ReturnType<typeof openQueue>;

/** The queues the admin panel shows, re-exported so the API needs no queue dependency. */
export const ADMIN_QUEUE_NAMES = QUEUE_NAMES;

export interface QueueCounts {
  name: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: boolean;
}

export interface FailedJobRow {
  queue: QueueName;
  id: string;
  name: string;
  /** The payload carries ids only (the catalog forbids secrets), so showing it is safe. */
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  finishedOn: number | null;
}

/** Opens a producer handle, answers within a few seconds even when Redis is down, and closes it. */
async function withQueue<T>(config: Pick<BerthConfig, "redis">, name: QueueName, fn: (q: Queue) => Promise<T>): Promise<T> {
  const queue = openQueue(config.redis, name);
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError("UNAVAILABLE", { userMessage: "Redis did not answer, so the queues cannot be read. Check Redis on the Platform health page." })), 3_000);
    });
    return await Promise.race([queue.waitUntilReady().then(() => fn(queue)), deadline]);
  } finally {
    clearTimeout(timer);
    await queue.close().catch(() => undefined);
  }
}

export async function listQueueCounts(config: Pick<BerthConfig, "redis">): Promise<QueueCounts[]> {
  return Promise.all(
    QUEUE_NAMES.map((name) =>
      withQueue(config, name, async (q) => {
        const c = await q.getJobCounts("waiting", "active", "delayed", "failed", "completed");
        return { name, waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0, paused: await q.isPaused() };
      }),
    ),
  );
}

export async function listFailedJobs(config: Pick<BerthConfig, "redis">, { limit }: { limit: number }): Promise<FailedJobRow[]> {
  const perQueue = await Promise.all(
    QUEUE_NAMES.map((name) =>
      withQueue(config, name, async (q) =>
        (await q.getFailed(0, limit - 1)).filter(Boolean).map((j) => ({
          queue: name,
          id: String(j.id),
          name: j.name,
          data: j.data,
          failedReason: j.failedReason ?? "",
          attemptsMade: j.attemptsMade,
          finishedOn: j.finishedOn ?? null,
        })),
      ),
    ),
  );
  return perQueue.flat().sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0)).slice(0, limit);
}

/**
 * Moves a failed job back to waiting. Handlers are idempotent and guarded by their row's state,
 * so retrying a deploy job whose deployment has since ended does nothing harmful.
 */
export async function retryFailedJob(config: Pick<BerthConfig, "redis">, { queue, id }: { queue: QueueName; id: string }): Promise<{ queue: QueueName; id: string }> {
  return withQueue(config, queue, async (q) => {
    const job = await q.getJob(id);
    if (!job) throw new AppError("NOT_FOUND", { userMessage: `No job ${id} in queue "${queue}"; it may have been removed by retention. Reload the list.` });
    if (!(await job.isFailed())) throw new AppError("CONFLICT", { userMessage: `Job ${id} is not failed any more (it is ${await job.getState()}); nothing to retry.` });
    await job.retry("failed");
    return { queue, id };
  });
}
