import { rm } from "node:fs/promises";
import { buildDeploymentImage } from "./build-deployment-image";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentFailure, LeaseLost } from "./deployment-failure";
import { releaseLease } from "./deployment-lease";
import { DeploymentLog } from "./deployment-log";
import { advanceDeployment, isTerminal } from "./deployment-transitions";
import { buildHostName, claimBuildSlot } from "../builds/build-slots";
import { concludeFailure } from "./conclude-failure";
import { loadDeployment } from "./load-deployment";
import { causeOf, runWithLease } from "./run-with-lease";
import { MAX_RECOVERIES } from "./step-limits";

type BuildOutcome = "built" | "failed" | "cancelled" | "skipped";

/**
 * deploy.build: `received` → `building` → `queued`. Holds the deployment's lease while it builds (a
 * build whose worker died is built again by the next worker, at most MAX_RECOVERIES times), then
 * queues the deployment for its rollout, which happens in push order. Idempotent: a deployment not
 * in a state this step works from is left alone.
 */
export async function runBuild(deps: PipelineDeps, deploymentId: string): Promise<BuildOutcome> {
  const deployment = await loadDeployment(deps.db, deploymentId);
  if (!deployment || deployment.kind !== "build" || !deployment.sourceArchive || !deployment.commitSha) return "skipped";
  const archive = deployment.sourceArchive;
  if (isTerminal(deployment.status)) {
    // Cancelled before a builder got to it: its source is no longer needed.
    await rm(archive, { force: true });
    return "skipped";
  }
  return runWithLease(deps, { deploymentId, appId: deployment.app.id, from: ["received", "building"] }, async (leased, claim) => {
    const log = new DeploymentLog(deps.db, deploymentId);
    let ended = false;
    try {
      if (claim.recovered) {
        if (claim.recoveries > MAX_RECOVERIES) throw new DeploymentFailure(`The worker building this deployment stopped ${claim.recoveries} times; giving up.`);
        log.line("-----> The worker building this deployment stopped; building it again");
      }
      if (!(await waitForBuildSlot(leased, deploymentId, log))) return "skipped";
      await buildDeploymentImage(leased, deployment, log);
      log.line("-----> Queued: an app's deploys go live one at a time, in push order");
      await log.flush();
      if (!(await advanceDeployment(deps.db, deploymentId, ["building"], "queued", { owner: deps.leaseOwner, stepDeadlineAt: null }))) return "skipped";
      await releaseLease(deps.db, deploymentId, deps.leaseOwner);
      ended = true;
      return "built";
    } catch (err) {
      const cause = causeOf(err, leased.signal);
      if (cause instanceof LeaseLost) throw cause;
      ended = true;
      return concludeFailure(deps, deployment, log, cause, { serviceTouched: false });
    } finally {
      // The image now holds the source (or the build ended for good), so the pushed tree is not
      // kept: disks must not fill up with every push ever made. A build whose worker dies keeps it
      // for the worker that builds it again.
      if (ended) await rm(archive, { force: true });
    }
  });
}

const SLOT_POLL_MS = 1_000;

/**
 * Takes one of the build host's slots (BERTH_MAX_CONCURRENT_BUILDS per host, shared by every
 * worker there), waiting while they are all taken and saying so once in the deployment's log. The
 * lease is renewed meanwhile, and a cancel ends the wait. False when the deployment was moved
 * elsewhere (cancelled, taken over).
 */
async function waitForBuildSlot(deps: PipelineDeps, deploymentId: string, log: DeploymentLog): Promise<boolean> {
  const host = buildHostName();
  const cap = deps.config.deploys.maxConcurrentBuilds;
  let told = false;
  for (;;) {
    const claim = await claimBuildSlot(deps.db, { deploymentId, owner: deps.leaseOwner, host, cap });
    if (claim.outcome === "claimed") return true;
    if (claim.outcome === "gone") return false;
    if (!told) {
      log.line(`-----> Waiting for a build slot: ${claim.running} build${claim.running === 1 ? "" : "s"} running on ${host} (at most ${cap} at once)`);
      await log.flush();
      told = true;
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, SLOT_POLL_MS);
      deps.signal.addEventListener("abort", () => (clearTimeout(timer), reject(deps.signal.reason)), { once: true });
    });
  }
}
