import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";

/**
 * What the console shows for an app, in one word:
 * - deploying: a deployment is under way;
 * - live: a release serves and its instances run;
 * - crashed: a release should serve but none of its instances is running;
 * - stopped: the app was scaled to zero on purpose;
 * - failed: the last deployment failed and nothing serves;
 * - new: nothing was ever deployed.
 */
export type AppStatus = "deploying" | "live" | "crashed" | "stopped" | "failed" | "new";

const IN_PROGRESS: ReadonlySet<string> = new Set(["received", "queued", "building", "pushing", "releasing", "deploying"]);

export interface AppStatusFacts {
  latestDeployment: { status: DeploymentStatus | string } | null;
  hasCurrentRelease: boolean;
  /** From the Swarm service; null when the runtime could not be asked (the status then trusts the database). */
  runtime: { desired: number; running: number } | null;
  /** Set when someone stopped the app on purpose. */
  stopped?: boolean;
  /** Set by the worker's crash check when instances of the live release keep dying. */
  crashed?: boolean;
}

export function deriveAppStatus({ latestDeployment, hasCurrentRelease, runtime, stopped = false, crashed = false }: AppStatusFacts): AppStatus {
  if (latestDeployment && IN_PROGRESS.has(latestDeployment.status)) return "deploying";
  if (!hasCurrentRelease) return latestDeployment?.status === "failed" ? "failed" : "new";
  if (stopped) return "stopped";
  if (crashed) return "crashed";
  if (runtime) {
    if (runtime.desired === 0) return "stopped";
    if (runtime.running === 0) return "crashed";
  }
  return "live";
}

/** Whether the newest deployment failed while an older release kept serving: worth a warning, not a status. */
export function lastDeployFailed(latestDeployment: { status: string } | null, hasCurrentRelease: boolean): boolean {
  return hasCurrentRelease && latestDeployment?.status === "failed";
}
