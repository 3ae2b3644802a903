import { QUEUE_PREFIX } from "@berth/queue/catalog";
import { configKeyOf, encryptConfigMap } from "../crypto/config-cipher";
import { AppError } from "../errors/app-error";
import type { DeploymentDeps } from "./deployment-deps";
import { dispatchAfterCreate } from "./dispatch-next-deployment";

export interface StartConfigDeploymentInput {
  appId: string;
  /** The app's full new config (key → value); stored on the deployment row, never in the job. */
  config: Record<string, string>;
  /** For humans: "Set GREETING". */
  description: string;
  createdById: string | null;
}

/**
 * Records a config deployment that reuses the image of the app's current release and queues it.
 * Returns null when the app has no release yet: there is nothing to restart, and the first build
 * picks up the config rows the caller stored.
 */
export async function startConfigDeployment(deps: DeploymentDeps, input: StartConfigDeploymentInput): Promise<{ deploymentId: string | null }> {
  const app = await deps.db.app.findUnique({ where: { id: input.appId }, select: { id: true, currentReleaseId: true } });
  if (!app) throw new AppError("NOT_FOUND", { userMessage: "No such app." });
  if (!app.currentReleaseId) return { deploymentId: null };
  if ("PORT" in input.config) throw new AppError("INVALID_INPUT", { userMessage: "PORT is reserved: Berth sets it for the app." });

  const deployment = await deps.db.deployment.create({
    data: {
      appId: app.id,
      kind: "config",
      baseReleaseId: app.currentReleaseId,
      config: encryptConfigMap(configKeyOf(deps.config), input.config),
      description: input.description,
      createdById: input.createdById,
      queuePrefix: deps.queuePrefix ?? QUEUE_PREFIX,
      logLines: { create: { seq: 1, line: `${input.description}: releasing the current image with the new config` } },
    },
    select: { id: true },
  });
  // Its turn comes when every earlier deployment of the app has ended; the last of them dispatches it.
  await dispatchAfterCreate(deps, app.id, deployment.id);
  return { deploymentId: deployment.id };
}
