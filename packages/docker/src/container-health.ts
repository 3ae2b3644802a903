import type Docker from "dockerode";
import { statusOf } from "./images";

export interface ContainerHealth {
  /** "healthy", "unhealthy", "starting", or "none" when the container has no health check. */
  status: string;
  /** The output of the most recent check runs, newest last (Docker keeps five). */
  lastOutputs: string[];
  /** When the container's process started (ISO), null when it is gone. */
  startedAt: string | null;
  exitCode: number | null;
  oomKilled: boolean;
}

/** What Docker knows about a container's health checks; null when the container is gone. */
export async function containerHealth(docker: Docker, containerId: string): Promise<ContainerHealth | null> {
  try {
    const info = (await docker.getContainer(containerId).inspect()) as {
      State?: { Health?: { Status?: string; Log?: Array<{ Output?: string; ExitCode?: number }> }; StartedAt?: string; ExitCode?: number; OOMKilled?: boolean };
    };
    const health = info.State?.Health;
    return {
      status: health?.Status ?? "none",
      lastOutputs: (health?.Log ?? []).map((l) => `${(l.Output ?? "").trim() || "(no output)"} (exit ${l.ExitCode ?? "?"})`),
      startedAt: info.State?.StartedAt ?? null,
      exitCode: info.State?.ExitCode ?? null,
      oomKilled: info.State?.OOMKilled ?? false,
    };
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}
