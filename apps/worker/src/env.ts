import os from "node:os";
import { z } from "zod";

/**
 * Settings only the worker process has, parsed once. Everything shared (Redis, Postgres) comes from
 * `loadConfig()`; these exist so tests and multi-worker hosts can run isolated instances.
 */
const ZWorkerEnv = z.object({
  /** Stable across restarts, so a restart updates its heartbeat row and job scheduler instead of adding new ones. */
  BERTH_WORKER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/)
    .default(os.hostname()),
  /** Redis key prefix of the queues; only tests change it. */
  BERTH_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  /** Platform jobs (heartbeats) this process runs at once; builds and rollouts have their own caps in packages/config. */
  BERTH_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** "0" turns the reconciler off: test workers on a private prefix must not repair the platform's apps. */
  BERTH_RECONCILER: z.enum(["0", "1"]).default("1"),
});

export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

export function loadWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = ZWorkerEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new Error(`Worker settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}
