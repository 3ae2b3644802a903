import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";
import { type Claim, claimDeployment, LeaseKeeper } from "./deployment-lease";
import type { PipelineDeps } from "./deployment-deps";
import { LeaseLost } from "./deployment-failure";
import { dispatchNextDeployment } from "./dispatch-next-deployment";

/**
 * The job side of every deployment step: claim the deployment's lease (or skip: someone else has
 * it, or it is not in a state this step works from), keep the lease alive while `work` runs, and
 * afterwards start the app's next deployment if it is its turn. `work` gets a signal that aborts on
 * a cancel request, a passed step deadline, a lost lease or the job's own timeout.
 */
export async function runWithLease<T>(
  deps: PipelineDeps,
  input: { deploymentId: string; appId: string; from: DeploymentStatus[]; headOfLine?: boolean },
  work: (deps: PipelineDeps, claim: Claim, keeper: LeaseKeeper) => Promise<T>,
): Promise<T | "skipped"> {
  const claim = await claimDeployment(deps.db, {
    deploymentId: input.deploymentId,
    owner: deps.leaseOwner,
    leaseMs: deps.config.deploys.leaseMs,
    from: input.from,
    headOfLine: input.headOfLine,
  });
  if (!claim) return "skipped";
  if (claim.recovered) deps.log(`deployment ${input.deploymentId}: its previous worker died in ${claim.status}; taking it up (recovery ${claim.recoveries})`);
  const keeper = new LeaseKeeper(deps.db, input.deploymentId, deps.leaseOwner, deps.config.deploys.leaseMs, deps.signal, deps.log).start();
  try {
    return await work({ ...deps, signal: keeper.signal }, claim, keeper);
  } catch (err) {
    // Another worker owns the deployment now; it finishes the job.
    if (err instanceof LeaseLost || keeper.signal.reason instanceof LeaseLost) {
      deps.log(`deployment ${input.deploymentId}: lease lost, stopping`);
      return "skipped";
    }
    throw err;
  } finally {
    keeper.stop();
    // Whatever happened, the app's line may move on now. Redis being away is not fatal: recovery dispatches later.
    await dispatchNextDeployment(deps, input.appId).catch((err: unknown) =>
      deps.log(`app ${input.appId}: dispatching its next deployment failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
}

/** What went wrong, as the pipeline reports it: the reason our own signal carries beats the library's AbortError. */
export function causeOf(err: unknown, signal: AbortSignal): unknown {
  return signal.aborted && signal.reason instanceof Error && signal.reason.name !== "AbortError" && signal.reason.name !== "TimeoutError" ? signal.reason : err;
}
