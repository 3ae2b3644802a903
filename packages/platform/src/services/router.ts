import type Docker from "dockerode";
import type { BerthConfig } from "@berth/config/config";
import { PortConflictError, stopContainer } from "@berth/docker/containers";
import { ensureRouter } from "@berth/router/ensure-router";
import { BringUpError } from "../util/bring-up-error";
import type { StepLog } from "../util/log";

export async function ensureRouterService(docker: Docker, config: BerthConfig, log: StepLog): Promise<void> {
  try {
    await ensureRouter({ docker, config, log: (line) => log.info(line) });
  } catch (err) {
    if (err instanceof PortConflictError) throw new BringUpError(err.message, `Free port ${err.port.hostPort} or set ${err.port.envVar} in ${config.envFile}, then run the bring-up again.`);
    throw new BringUpError(`The router did not come up: ${(err as Error).message}`, `Read \`docker logs ${config.router.containerName}\`, fix what it says and run \`npm run platform -- restart router\`.`);
  }
  log.ok(`answering on ${config.router.bind}:${config.router.port}; admin API on a unix socket in its data volume`);
}

export async function stopRouterService(docker: Docker, config: BerthConfig): Promise<string> {
  return stopContainer(docker, config.router.containerName);
}
