import type { JobName, JobPayload } from "@berth/queue/catalog";
import type { HandlerContext } from "./context";
import { handleDeployBuild } from "./deploy-build";
import { handleDeployRelease } from "./deploy-release";
import { handlePlatformHeartbeat } from "./platform-heartbeat";
import { handleRuntimeCheckCrashes } from "./runtime-check-crashes";

export type Handler<N extends JobName> = (payload: JobPayload<N>, ctx: HandlerContext) => Promise<unknown>;

/** Every catalog job has exactly one handler; the mapped type makes a missing one a compile error. */
export const handlers: { [N in JobName]: Handler<N> } = {
  "platform.heartbeat": handlePlatformHeartbeat,
  "deploy.build": handleDeployBuild,
  "deploy.release": handleDeployRelease,
  "runtime.check-crashes": handleRuntimeCheckCrashes,
};
