import type { BerthConfig } from "@berth/config/config";
import { connectDocker, describeEngine } from "@berth/docker/engine";
import { startCommand } from "./remedy";
import { ProbeFailure, runProbe } from "./run-probe";

/** Apps run as Swarm services, so an engine that is up but not a Swarm manager counts as down. */
export function probeDocker({ config, timeoutMs }: { config: BerthConfig; timeoutMs: number }) {
  const socketPath = config.docker.socketPath;
  return runProbe({
    name: "docker",
    label: "Docker Engine",
    target: `Docker at ${socketPath}`,
    remedy: `Run ${startCommand("docker")}, which also makes this node a Swarm manager.`,
    timeoutMs,
    async run() {
      const engine = await describeEngine(connectDocker(socketPath));
      if (engine.swarm !== "manager") {
        throw new ProbeFailure(`Docker ${engine.version} answers, but this node is not a Swarm manager (Swarm: ${engine.swarm}).`);
      }
      return (ms) => `Docker ${engine.version} answered in ${ms} ms; this node is a Swarm manager.`;
    },
  });
}
