/**
 * A failure whose message is meant for the pusher as is (detection said no, the build broke, the app
 * never answered). Anything else that escapes the pipeline is an internal error, reported with less
 * detail.
 */
export class DeploymentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeploymentFailure";
  }
}

/** Someone asked (deploys:cancel) for the deployment to stop; it ends `cancelled`, not `failed`. */
export class DeploymentCancelled extends Error {
  constructor(message = "Cancelled on request.") {
    super(message);
    this.name = "DeploymentCancelled";
  }
}

/**
 * This worker no longer holds the deployment's lease (it could not renew it in time, so another
 * worker may have taken over): it must stop touching the deployment and write nothing more.
 */
export class LeaseLost extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LeaseLost";
  }
}

/** The reason an aborted signal carries, when it is one of ours. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.aborted ? signal.reason : undefined;
}

export function failureMessage(err: unknown): string {
  if (err instanceof DeploymentFailure || err instanceof DeploymentCancelled) return err.message;
  if (err instanceof Error && err.name === "AbortError") return "The deployment took longer than its time limit and was stopped.";
  return `Internal error: ${err instanceof Error ? err.message : String(err)}`;
}
