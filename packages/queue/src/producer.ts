import { type Job, Queue } from "bullmq";
import { type JobName, type JobPayload, jobCatalog, jobOptions, parsePayload, QUEUE_PREFIX, type QueueName } from "./catalog";
import { producerConnection, type RedisSettings } from "./connection";

/** A producer-side queue handle: fails fast when Redis is down. Close it when the process stops. */
export function openQueue(redis: RedisSettings, name: QueueName, opts: { prefix?: string } = {}): Queue {
  return new Queue(name, { connection: producerConnection(redis), prefix: opts.prefix ?? QUEUE_PREFIX });
}

export interface EnqueueOptions {
  /** A deterministic id (`deploy-<id>`) makes enqueueing idempotent: BullMQ ignores a second add with the same id. */
  jobId?: string;
  delayMs?: number;
  /** How long to wait for a Redis connection before failing; BullMQ alone would wait forever. */
  connectTimeoutMs?: number;
}

/**
 * Adds a job after validating its payload with the catalog, with the catalog's attempts, backoff and
 * retention. Refuses a queue the catalog does not assign the job to.
 */
export async function enqueue<N extends JobName>(queue: Queue, name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}): Promise<Job> {
  const expected = jobCatalog[name].queue;
  if (queue.name !== expected) throw new Error(`Job ${name} belongs on queue "${expected}", not "${queue.name}".`);
  const data = parsePayload(name, payload);
  await withDeadline(queue.waitUntilReady(), opts.connectTimeoutMs ?? 3_000, `Redis for queue "${queue.name}" is unreachable; job ${name} was not enqueued.`);
  return queue.add(name, data, { ...jobOptions(name), jobId: opts.jobId, delay: opts.delayMs });
}

/**
 * BullMQ waits for the first Redis connection without limit; a producer inside an API request must
 * answer instead. The connection attempt itself carries on in the background and recovers by itself.
 */
async function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
