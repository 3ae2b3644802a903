import type { Database } from "@berth/db/client";

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
  self: WorkerIdentity;
  /** Aborted when the job's catalog timeout passes; long steps must pass it on and stop. */
  signal: AbortSignal;
  log: (message: string) => void;
}
