import type Docker from "dockerode";
import { statusOf } from "./images";

/**
 * Makes sure an attachable overlay network exists. Attachable, because the router is a plain
 * container that joins it with `docker network connect`; overlay, so Swarm tasks on any node join it.
 * Two callers racing to create the same name is harmless: the loser uses the winner's network.
 */
export async function ensureOverlayNetwork(docker: Docker, name: string, labels: Record<string, string>): Promise<"present" | "created"> {
  if (await networkExists(docker, name)) return "present";
  try {
    await docker.createNetwork({ Name: name, Driver: "overlay", Attachable: true, CheckDuplicate: true, Labels: labels });
    return "created";
  } catch (err) {
    // Another caller created it first: a local engine says 409, the swarm manager 500 "name
    // conflicts with an existing object". Whatever the wording, the network being there now is success.
    if (statusOf(err) === 409 || (await networkExists(docker, name))) return "present";
    throw err;
  }
}

export async function networkExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getNetwork(name).inspect();
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    throw err;
  }
}

/** Connects a running container to a network, live (no restart); an existing connection is left alone. */
export async function connectContainer(docker: Docker, network: string, container: string): Promise<"connected" | "already-connected"> {
  const info = await docker.getContainer(container).inspect();
  if (Object.keys(info.NetworkSettings.Networks ?? {}).includes(network)) return "already-connected";
  try {
    await docker.getNetwork(network).connect({ Container: container });
    return "connected";
  } catch (err) {
    // Another caller connected it between inspect and connect: the engine says 403 "already exists
    // in network" for a local network and 409 "is already attached to network" for an overlay one.
    if (alreadyConnected(err)) return "already-connected";
    throw err;
  }
}

function alreadyConnected(err: unknown): boolean {
  const status = statusOf(err);
  return (status === 403 || status === 409) && /already (exists in|attached to) network/i.test(String((err as Error).message));
}

/** Disconnects a container from a network; not being connected (or either being gone) is not an error. */
export async function disconnectContainer(docker: Docker, network: string, container: string): Promise<boolean> {
  try {
    await docker.getNetwork(network).disconnect({ Container: container, Force: true });
    return true;
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 403 || status === 500) return false;
    throw err;
  }
}

/** Name and labels of every network carrying all of these labels. */
export async function listNetworkLabels(docker: Docker, labels: Record<string, string>): Promise<Array<{ name: string; labels: Record<string, string> }>> {
  const networks = await docker.listNetworks({ filters: { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) } });
  return networks.map((n) => ({ name: n.Name, labels: n.Labels ?? {} })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Removes a network. A missing one is fine, and one still in use is reported as false (to be tried
 * again later). Besides the local engine's 404, 409 and 403, the swarm manager answers 400
 * FailedPrecondition "in use by task" while a task is still on the network, and 500 "not found"
 * when the network is already gone but lingers in the node's view for a moment.
 */
export async function removeNetwork(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getNetwork(name).remove();
    return true;
  } catch (err) {
    const status = statusOf(err);
    const message = String((err as Error).message);
    if (status === 404 || status === 409 || status === 403) return false;
    if ((status === 400 && /in use/i.test(message)) || (status === 500 && /not found/i.test(message))) return false;
    throw err;
  }
}
