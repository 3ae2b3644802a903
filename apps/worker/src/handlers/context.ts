import type { BerthConfig } from "@berth/config/config";
import type { Database } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";

/** Who this process is; the heartbeat records it. */
export interface WorkerIdentity {
  workerId: string;
  hostname: string;
  pid: number;
  startedAt: Date;
}

/** What every handler receives besides its payload. */
export interface HandlerContext {
  db: Database;
  config: BerthConfig;
  docker: DockerClient;
  self: WorkerIdentity;
  /** This process as the holder of deployment leases: "<worker id>#<pid>", unique even across restarts. */
  leaseOwner: string;
  /** Aborted when the job's catalog timeout passes; long steps must pass it on and stop. */
  signal: AbortSignal;
  log: (message: string) => void;
}

export function leaseOwnerOf(self: WorkerIdentity): string {
  return `${self.workerId}#${self.pid}`;
}
