import type { DbClient } from "@berth/db/client";

const FLUSH_LINES = 25;
const FLUSH_MS = 250;
/** A single line longer than this is cut: one runaway line must not bloat the table. */
const MAX_LINE = 4_000;

/**
 * Appends to a deployment's log in small batches with increasing `seq`. One writer per deployment at
 * a time (its jobs run one after another), so the next seq is read once from the table. Writes are
 * chained, so lines land in order even though callers do not await each one.
 */
export class DeploymentLog {
  private buffer: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private nextSeq: number | null = null;
  private failure: unknown = null;

  constructor(
    private readonly db: DbClient,
    readonly deploymentId: string,
  ) {}

  line(text: string): void {
    for (const part of text.split("\n")) {
      const trimmed = part.trimEnd();
      if (trimmed) this.buffer.push(trimmed.length > MAX_LINE ? `${trimmed.slice(0, MAX_LINE)} …` : trimmed);
    }
    if (this.buffer.length >= FLUSH_LINES) this.drain();
    else this.timer ??= setTimeout(() => this.drain(), FLUSH_MS);
  }

  /** Writes everything buffered; call before changing the deployment's status, so readers see the lines first. */
  async flush(): Promise<void> {
    this.drain();
    await this.chain;
    if (this.failure) {
      const err = this.failure;
      this.failure = null;
      throw err;
    }
  }

  private drain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer.splice(0);
    if (!batch.length) return;
    this.chain = this.chain.then(() => this.write(batch)).catch((err: unknown) => void (this.failure = err));
  }

  private async write(batch: string[]): Promise<void> {
    if (this.nextSeq === null) {
      const last = await this.db.deploymentLogLine.aggregate({ where: { deploymentId: this.deploymentId }, _max: { seq: true } });
      this.nextSeq = (last._max.seq ?? 0) + 1;
    }
    const start = this.nextSeq;
    this.nextSeq += batch.length;
    await this.db.deploymentLogLine.createMany({
      data: batch.map((line, i) => ({ deploymentId: this.deploymentId, seq: start + i, line })),
    });
  }
}
