import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";

/**
 * What the start functions need. They write the Deployment row and enqueue a job, so call them
 * outside a transaction (or after it commits): a worker could otherwise pick up the job before the
 * row is visible and skip it.
 */
export interface DeploymentDeps {
  db: DbClient;
  config: BerthConfig;
  /** Redis key prefix of the queues; only tests running their own worker change it. */
  queuePrefix?: string;
}

/** What the worker-side steps need: the engine, a deadline, and who this worker is. */
export interface PipelineDeps {
  db: DbClient;
  config: BerthConfig;
  docker: DockerClient;
  /** Aborted when the job's catalog timeout passes. */
  signal: AbortSignal;
  /** This worker process as a lease holder: "<worker id>#<pid>". */
  leaseOwner: string;
  /** Operator log (the worker's own log file), not the deployment's log. */
  log: (message: string) => void;
  /** How long the new release gets to answer through the router. */
  readyTimeoutMs?: number;
}
