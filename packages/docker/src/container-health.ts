import type Docker from "dockerode";
import { statusOf } from "./images";

export interface ContainerHealth {
  /** "healthy", "unhealthy", "starting", or "none" when the container has no health check. */
  status: string;
  /** The output of the most recent check runs that finished, newest last (Docker keeps five). */
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
      lastOutputs: checkOutputs(health?.Log ?? []),
      startedAt: info.State?.StartedAt ?? null,
      exitCode: info.State?.ExitCode ?? null,
      oomKilled: info.State?.OOMKilled ?? false,
    };
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

/**
 * Docker's health log as lines, newest last, without the runs cut short by the container stopping
 * (killed by a signal before they printed anything): those say nothing about the app, and a check
 * that waits out its interval is often running when Swarm stops an unhealthy container, so the last
 * entry would hide the check that failed. A run Docker stopped at its timeout keeps its message.
 */
export function checkOutputs(log: Array<{ Output?: string; ExitCode?: number }>): string[] {
  return log
    .filter((l) => (l.Output ?? "").trim() || (l.ExitCode ?? 0) < 128)
    .map((l) => `${(l.Output ?? "").trim() || "(no output)"} (exit ${l.ExitCode ?? "?"})`);
}
