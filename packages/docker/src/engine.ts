import Docker from "dockerode";

/** One dockerode client per socket; every Docker call in Berth goes through this adapter package. */
export function connectDocker(socketPath: string): Docker {
  return new Docker({ socketPath });
}

export type SwarmRole = "manager" | "worker" | "inactive" | "pending" | "error" | "locked";

export interface EngineDescription {
  version: string;
  apiVersion: string;
  swarm: SwarmRole;
  nodeId: string | null;
}

/** Asks the engine what it is and what part it plays in a Swarm; throws when it does not answer. */
export async function describeEngine(docker: Docker): Promise<EngineDescription> {
  const [info, version] = await Promise.all([docker.info(), docker.version()]);
  const swarm = info.Swarm ?? {};
  const state = String(swarm.LocalNodeState ?? "inactive");
  let role: SwarmRole;
  if (state === "active") role = swarm.ControlAvailable ? "manager" : "worker";
  else if (state === "pending" || state === "error" || state === "locked") role = state;
  else role = "inactive";
  return {
    version: String(version.Version),
    apiVersion: String(version.ApiVersion),
    swarm: role,
    nodeId: swarm.NodeID ? String(swarm.NodeID) : null,
  };
}

/** The client type other packages name without importing dockerode themselves. */
export type DockerClient = Docker;
