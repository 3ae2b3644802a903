import type Docker from "dockerode";
import type { BerthConfig } from "@berth/config/config";
import { connectContainer, disconnectContainer } from "@berth/docker/networks";

/**
 * Joins the router to a tenant's overlay network, live: `docker network connect` adds an interface
 * without restarting Caddy, so no open connection drops. Only then can it resolve and reach the
 * tenant's services by name.
 */
export async function connectRouterToNetwork(docker: Docker, config: Pick<BerthConfig, "router">, network: string): Promise<"connected" | "already-connected"> {
  return connectContainer(docker, network, config.router.containerName);
}

export async function disconnectRouterFromNetwork(docker: Docker, config: Pick<BerthConfig, "router">, network: string): Promise<boolean> {
  return disconnectContainer(docker, network, config.router.containerName);
}
