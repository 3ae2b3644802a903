import type { JobsOptions } from "bullmq";
import { z } from "zod";

/** Every Redis key Berth's queues create starts with this, so they are easy to find and never clash with other BullMQ users. */
export const QUEUE_PREFIX = "berth";

/** Queues group jobs that share workers; a job's queue is fixed by the catalog, never chosen by the caller. */
// "build" and "deploy" are queues of their own so long builds never delay the platform's heartbeats,
// and so a host's build slots (BERTH_MAX_CONCURRENT_BUILDS) never hold up rollouts of other apps.
export const QUEUE_NAMES = ["platform", "build", "deploy"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  /** Ids and plain values only — never secrets: payloads sit in Redis in clear text and show up in dashboards. */
  payload: S;
  attempts: number;
  backoff: { type: "fixed" | "exponential"; delayMs: number };
  /** The worker aborts a handler that runs longer than this; BullMQ itself has no job timeout. */
  timeoutMs: number;
  /** Retention: finished jobs are evidence for a while, then they must not fill Redis (it runs with noeviction). */
  removeOnComplete: { ageSeconds: number; count: number };
  removeOnFail: { ageSeconds: number; count: number };
  /** For jobs the worker schedules itself. */
  repeat?: { everyMs: number };
}

/** Keeps each definition's exact type (its schema, whether it repeats) while checking it against JobDefinition. */
function defineJob<D extends JobDefinition>(def: D): D {
  return def;
}

const HOUR = 3600;

/** The typed job catalog: job name → payload schema and run policy. Adding a job starts here. */
export const jobCatalog = {
  /** Proves a worker process is alive and consuming its queue; the handler upserts the WorkerHeartbeat row. */
  "platform.heartbeat": defineJob({
    queue: "platform",
    // strict: an unexpected field is refused rather than silently carried (and maybe logged) along.
    payload: z.strictObject({ workerId: z.string().min(1).max(200) }),
    attempts: 1, // the next beat is 15 s away; retrying a stale one tells nothing new
    backoff: { type: "fixed", delayMs: 1_000 },
    timeoutMs: 10_000,
    removeOnComplete: { ageSeconds: HOUR, count: 100 },
    removeOnFail: { ageSeconds: 24 * HOUR, count: 500 },
    repeat: { everyMs: 15_000 },
  }),
  /**
   * Builds a build deployment's image from its source archive, then hands over to deploy.release.
   * Not retried: a build that failed will fail again, and the pusher is waiting for a verdict.
   */
  "deploy.build": defineJob({
    queue: "build",
    payload: z.strictObject({ deploymentId: z.string().min(1).max(100) }),
    attempts: 1,
    backoff: { type: "fixed", delayMs: 1_000 },
    timeoutMs: 20 * 60_000,
    removeOnComplete: { ageSeconds: 24 * HOUR, count: 1_000 },
    removeOnFail: { ageSeconds: 7 * 24 * HOUR, count: 1_000 },
  }),
  /**
   * Pushes (builds only), records the release, updates the Swarm service and the router, and waits
   * until the new release answers — or puts the previous one back. One at a time per app.
   */
  "deploy.release": defineJob({
    queue: "deploy",
    payload: z.strictObject({ deploymentId: z.string().min(1).max(100) }),
    attempts: 1,
    backoff: { type: "fixed", delayMs: 1_000 },
    timeoutMs: 10 * 60_000,
    removeOnComplete: { ageSeconds: 24 * HOUR, count: 1_000 },
    removeOnFail: { ageSeconds: 7 * 24 * HOUR, count: 1_000 },
  }),
  /**
   * Marks apps whose live release keeps losing instances as `crashed` (with the last one's logs) and
   * clears the mark once they stay up; Swarm itself restarts the instances. One schedule for all workers.
   */
  "runtime.check-crashes": defineJob({
    queue: "platform",
    payload: z.strictObject({}),
    attempts: 1, // the next check is 30 s away
    backoff: { type: "fixed", delayMs: 1_000 },
    timeoutMs: 60_000,
    removeOnComplete: { ageSeconds: HOUR, count: 100 },
    removeOnFail: { ageSeconds: 24 * HOUR, count: 500 },
    repeat: { everyMs: 30_000 },
  }),
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]["payload"]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalog, name);
}

export class InvalidJobPayloadError extends Error {
  constructor(
    readonly jobName: string,
    readonly issues: string,
  ) {
    super(`Job ${jobName} has an invalid payload: ${issues}`);
    this.name = "InvalidJobPayloadError";
  }
}

/** Validates a payload against the catalog; both producers and the worker call it. */
export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const result = jobCatalog[name].payload.safeParse(data);
  if (!result.success) {
    throw new InvalidJobPayloadError(name, result.error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`).join("; "));
  }
  return result.data as JobPayload<N>;
}

/** BullMQ options carrying the catalog's run policy for a job. */
export function jobOptions(name: JobName): JobsOptions {
  const def: JobDefinition = jobCatalog[name];
  return {
    attempts: def.attempts,
    backoff: { type: def.backoff.type, delay: def.backoff.delayMs },
    removeOnComplete: { age: def.removeOnComplete.ageSeconds, count: def.removeOnComplete.count },
    removeOnFail: { age: def.removeOnFail.ageSeconds, count: def.removeOnFail.count },
  };
}

/** Jobs of one queue, for a worker that serves it. */
export function jobsOfQueue(queue: QueueName): JobName[] {
  return (Object.keys(jobCatalog) as JobName[]).filter((name) => jobCatalog[name].queue === queue);
}

/** One job per deployment and step: enqueueing the same step twice is a no-op, never a second run. */
export function deploymentJobId(name: "deploy.build" | "deploy.release", deploymentId: string): string {
  return `${name}-${deploymentId}`;
}
