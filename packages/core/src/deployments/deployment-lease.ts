import type { DbClient } from "@berth/db/client";
import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";
import { DeploymentCancelled, DeploymentFailure, LeaseLost } from "./deployment-failure";
import { TERMINAL_STATUSES } from "./deployment-transitions";

/** How often the holder renews its lease and looks for a cancel request or a passed step deadline. */
const TICK_MS = 1_000;

export interface ClaimOptions {
  deploymentId: string;
  /** "<worker id>#<pid>": unique per process, so a restarted worker never mistakes a dead one's lease for its own. */
  owner: string;
  leaseMs: number;
  /** The statuses the caller can work from. */
  from: DeploymentStatus[];
  /**
   * Only when no earlier deployment of the same app is unfinished: deployments of an app are
   * released in the order they were created (push order), one at a time.
   */
  headOfLine?: boolean;
}

export interface Claim {
  status: DeploymentStatus;
  /** True when a worker held it before and its lease ran out: this is a recovery. */
  recovered: boolean;
  recoveries: number;
}

/**
 * Takes a deployment's lease when it is free (never taken, released, or expired because its holder
 * died). A compare-and-set on the previous owner makes two workers racing for it end with one
 * winner. Returns null when the deployment is not claimable by this caller now.
 */
export async function claimDeployment(db: DbClient, opts: ClaimOptions): Promise<Claim | null> {
  const row = await db.deployment.findUnique({
    where: { id: opts.deploymentId },
    select: { status: true, appId: true, createdAt: true, leaseOwner: true, leaseExpiresAt: true, recoveries: true },
  });
  if (!row || !opts.from.includes(row.status)) return null;
  const now = new Date();
  if (row.leaseOwner && row.leaseExpiresAt && row.leaseExpiresAt > now) return null;
  const recovered = row.leaseOwner !== null;
  const { count } = await db.deployment.updateMany({
    where: {
      id: opts.deploymentId,
      status: row.status,
      leaseOwner: row.leaseOwner,
      OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
      ...(opts.headOfLine
        ? {
            app: {
              deployments: {
                none: {
                  status: { notIn: TERMINAL_STATUSES },
                  OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: opts.deploymentId } }],
                },
              },
            },
          }
        : {}),
    },
    data: { leaseOwner: opts.owner, leaseExpiresAt: new Date(now.getTime() + opts.leaseMs), ...(recovered ? { recoveries: { increment: 1 } } : {}) },
  });
  if (count !== 1) return null;
  return { status: row.status, recovered, recoveries: row.recoveries + (recovered ? 1 : 0) };
}

/** Gives the lease up (the deployment waits for its next step, e.g. built and queued). */
export async function releaseLease(db: DbClient, deploymentId: string, owner: string): Promise<void> {
  await db.deployment.updateMany({ where: { id: deploymentId, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } });
}

/**
 * Keeps a claimed lease alive while the worker works, and is the one place that notices it should
 * stop: `signal` aborts with DeploymentCancelled when a cancel was requested, with a
 * DeploymentFailure when the step's deadline passed, or with LeaseLost when the lease could not be
 * renewed in time (another worker may own the deployment now).
 */
export class LeaseKeeper {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private renewedAt = Date.now();
  private busy = false;
  readonly signal: AbortSignal;

  constructor(
    private readonly db: DbClient,
    readonly deploymentId: string,
    readonly owner: string,
    private readonly leaseMs: number,
    parent: AbortSignal,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.signal = AbortSignal.any([parent, this.controller.signal]);
  }

  start(): this {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private abort(reason: Error): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  private async tick(): Promise<void> {
    if (this.busy || this.controller.signal.aborted) return;
    this.busy = true;
    try {
      const now = new Date();
      const { count } = await this.db.deployment.updateMany({
        where: { id: this.deploymentId, leaseOwner: this.owner, status: { notIn: TERMINAL_STATUSES } },
        data: { leaseExpiresAt: new Date(now.getTime() + this.leaseMs) },
      });
      if (count !== 1) return this.abort(new LeaseLost(`deployment ${this.deploymentId} is no longer leased to ${this.owner}`));
      this.renewedAt = now.getTime();
      const row = await this.db.deployment.findUnique({
        where: { id: this.deploymentId },
        select: { status: true, cancelRequestedAt: true, stepDeadlineAt: true },
      });
      if (row?.cancelRequestedAt) return this.abort(new DeploymentCancelled());
      if (row?.stepDeadlineAt && row.stepDeadlineAt < now) {
        return this.abort(new DeploymentFailure(`The ${row.status} step took longer than its time limit and was stopped.`));
      }
    } catch (err) {
      // The database is briefly unreachable: keep trying until the lease would have run out.
      this.log(`deployment ${this.deploymentId}: renewing its lease failed: ${err instanceof Error ? err.message : String(err)}`);
      if (Date.now() - this.renewedAt > this.leaseMs) this.abort(new LeaseLost(`deployment ${this.deploymentId}: lease not renewed for ${this.leaseMs} ms`));
    } finally {
      this.busy = false;
    }
  }
}
