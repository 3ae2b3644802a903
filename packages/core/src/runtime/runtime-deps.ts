import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { connectDocker, type DockerClient } from "@berth/docker/engine";

/** What the runtime services need; the engine client defaults to the configured socket. */
export interface RuntimeDeps {
  db: DbClient;
  config: BerthConfig;
  docker?: DockerClient;
}

export function dockerOf(deps: RuntimeDeps): DockerClient {
  return deps.docker ?? connectDocker(deps.config.docker.socketPath);
}
