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

export function failureMessage(err: unknown): string {
  if (err instanceof DeploymentFailure) return err.message;
  if (err instanceof Error && err.name === "AbortError") return "The deployment took longer than its time limit and was stopped.";
  return `Internal error: ${err instanceof Error ? err.message : String(err)}`;
}
