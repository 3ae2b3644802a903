import type { DbClient } from "@berth/db/client";
import { readDeploymentProgress } from "../deployments/read-deployment-progress";

export type DeploymentEvent =
  | { type: "line"; seq: number; line: string }
  | { type: "status"; status: string; failureReason: string | null; releaseVersion: number | null }
  | { type: "end"; status: string };

const FINAL = new Set(["live", "failed", "cancelled"]);

/**
 * A deployment's log lines after `afterSeq`, and its status whenever it changes, until it ends.
 * Reads the database every `pollMs` (lines are rows, so a reader that resumes with the last seq
 * it got misses nothing and repeats nothing). The pipeline writes its last lines before a final
 * status, and readDeploymentProgress reads the status before the lines, so `end` comes after
 * every line. Stops when `signal` aborts (the browser left the page).
 */
export async function* followDeploymentEvents(
  db: DbClient,
  { deploymentId, afterSeq, signal, pollMs = 250 }: { deploymentId: string; afterSeq: number; signal: AbortSignal; pollMs?: number },
): AsyncGenerator<DeploymentEvent> {
  let seq = afterSeq;
  let lastStatus: string | null = null;
  while (!signal.aborted) {
    const progress = await readDeploymentProgress(db, deploymentId, seq);
    for (const l of progress.lines) {
      seq = l.seq;
      yield { type: "line", seq: l.seq, line: l.line };
    }
    if (progress.status !== lastStatus) {
      lastStatus = progress.status;
      yield { type: "status", status: progress.status, failureReason: progress.failureReason, releaseVersion: progress.releaseVersion };
    }
    // A full page means more lines are waiting: read again at once, before deciding it ended.
    if (progress.lines.length >= 2_000) continue;
    if (FINAL.has(progress.status)) {
      yield { type: "end", status: progress.status };
      return;
    }
    await sleep(pollMs, signal);
  }
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
