import type { BerthClient } from "./api-client";
import type { Output } from "./output";

const POLL_MS = 500;

/** Prints a deployment's log (the engine writes each step into it) until it is live (true) or failed or cancelled (false). */
export async function followDeployment(client: BerthClient, deploymentId: string, output: Output): Promise<boolean> {
  let afterSeq = 0;
  for (;;) {
    const progress = await client.deployments.progress.query({ deploymentId, afterSeq });
    for (const { seq, line } of progress.lines) {
      output.err(`  ${line}`);
      afterSeq = seq;
    }
    // The engine's last log line already says "Release vN is live at <url>".
    if (progress.status === "live") return true;
    if (progress.status === "failed" || progress.status === "cancelled") {
      output.err(`! ${progress.status === "failed" ? "Failed" : "Cancelled"}: ${progress.failureReason ?? "no reason recorded"}`);
      output.err("! The previous release is still serving.");
      return false;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
