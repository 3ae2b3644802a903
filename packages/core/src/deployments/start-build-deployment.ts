import { QUEUE_PREFIX } from "@berth/queue/catalog";
import { isAbsolute } from "node:path";
import { AppError } from "../errors/app-error";
import type { DeploymentDeps } from "./deployment-deps";
import { enqueueDeploymentJob } from "./enqueue-deployment-job";

export interface StartBuildDeploymentInput {
  appId: string;
  commitSha: string;
  /** Absolute path of a tar of the pushed tree, on the build host; the worker reads it. */
  sourceArchive: string;
  createdById: string | null;
}

/** Records a build deployment (status `received`) and queues its build. */
export async function startBuildDeployment(deps: DeploymentDeps, input: StartBuildDeploymentInput): Promise<{ deploymentId: string }> {
  if (!isAbsolute(input.sourceArchive)) {
    throw new AppError("INVALID_INPUT", { message: `sourceArchive must be an absolute path, got ${input.sourceArchive}` });
  }
  if (!/^[0-9a-f]{7,64}$/i.test(input.commitSha)) throw new AppError("INVALID_INPUT", { message: `Not a commit id: ${input.commitSha}` });
  const app = await deps.db.app.findUnique({ where: { id: input.appId }, select: { id: true } });
  if (!app) throw new AppError("NOT_FOUND", { userMessage: "No such app." });

  const deployment = await deps.db.deployment.create({
    data: {
      appId: app.id,
      kind: "build",
      commitSha: input.commitSha,
      sourceArchive: input.sourceArchive,
      description: `Deploy ${input.commitSha.slice(0, 7)}`,
      createdById: input.createdById,
      queuePrefix: deps.queuePrefix ?? QUEUE_PREFIX,
      logLines: { create: { seq: 1, line: `Received ${input.commitSha.slice(0, 7)}; waiting for a builder` } },
    },
    select: { id: true },
  });
  await enqueueDeploymentJob(deps, "deploy.build", deployment.id);
  return { deploymentId: deployment.id };
}
