import { statfs } from "node:fs/promises";
import type { BerthConfig } from "@berth/config/config";
import { connectDocker, type DockerClient } from "@berth/docker/engine";
import { AppError } from "../errors/app-error";

export interface SwarmNodeRow {
  id: string;
  hostname: string;
  role: string;
  /** ready, down, unknown, disconnected */
  state: string;
  /** active, pause, drain */
  availability: string;
  leader: boolean;
  address: string | null;
  engineVersion: string | null;
  labels: Record<string, string>;
  cpus: number;
  memoryBytes: number;
  /** Only for the node Berth runs on: Swarm does not report other nodes' disks. */
  disk: { path: string; totalBytes: number; freeBytes: number } | null;
  /** Tasks that should be running there now. */
  runningTasks: number;
}

interface RawNode {
  ID: string;
  Spec?: { Role?: string; Availability?: string; Labels?: Record<string, string> };
  Description?: { Hostname?: string; Resources?: { NanoCPUs?: number; MemoryBytes?: number }; Engine?: { EngineVersion?: string } };
  Status?: { State?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean };
}

/** The Swarm's nodes for the admin panel: what they are, what they have, how full the local disk is. */
export async function listSwarmNodes(docker: DockerClient): Promise<SwarmNodeRow[]> {
  const [nodes, info, tasks] = await Promise.all([
    docker.listNodes() as Promise<RawNode[]>,
    docker.info() as Promise<{ Swarm?: { NodeID?: string }; DockerRootDir?: string }>,
    docker.listTasks({ filters: { "desired-state": ["running"] } }) as Promise<Array<{ NodeID?: string }>>,
  ]);
  const localId = info.Swarm?.NodeID ?? null;
  const rootDir = info.DockerRootDir ?? "/var/lib/docker";
  const localDisk = await statfs(rootDir)
    .then((s) => ({ path: rootDir, totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize }))
    .catch(() => null);
  return nodes
    .map((n) => ({
      id: n.ID,
      hostname: n.Description?.Hostname ?? n.ID.slice(0, 12),
      role: n.Spec?.Role ?? "unknown",
      state: n.Status?.State ?? "unknown",
      availability: n.Spec?.Availability ?? "unknown",
      leader: n.ManagerStatus?.Leader === true,
      address: n.Status?.Addr ?? null,
      engineVersion: n.Description?.Engine?.EngineVersion ?? null,
      labels: n.Spec?.Labels ?? {},
      cpus: (n.Description?.Resources?.NanoCPUs ?? 0) / 1e9,
      memoryBytes: n.Description?.Resources?.MemoryBytes ?? 0,
      disk: n.ID === localId ? localDisk : null,
      runningTasks: tasks.filter((t) => t.NodeID === n.ID).length,
    }))
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

/** The same, for the API: a Docker engine that does not answer becomes a plain-words UNAVAILABLE. */
export async function listSwarmNodesOf(config: Pick<BerthConfig, "docker">): Promise<SwarmNodeRow[]> {
  try {
    return await listSwarmNodes(connectDocker(config.docker.socketPath));
  } catch (err) {
    throw new AppError("UNAVAILABLE", {
      message: `swarm nodes: ${err instanceof Error ? err.message : String(err)}`,
      userMessage: "The Docker engine did not answer, so the nodes cannot be listed. Check Docker on the Platform health page.",
    });
  }
}
