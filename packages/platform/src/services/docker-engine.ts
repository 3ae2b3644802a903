import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type Docker from "dockerode";
import type { BerthConfig } from "@berth/config/config";
import { connectDocker, describeEngine } from "@berth/docker/engine";
import { ensureSwarmManager } from "@berth/docker/swarm";
import { BringUpError } from "../util/bring-up-error";
import type { StepLog } from "../util/log";
import { startProcess, type ManagedProcess } from "../util/supervisor";
import { runCommand } from "../util/run-command";

async function engineAnswers(docker: Docker): Promise<boolean> {
  try {
    await docker.ping();
    return true;
  } catch {
    return false;
  }
}

export function dockerdProcess(config: BerthConfig): ManagedProcess {
  const docker = connectDocker(config.docker.socketPath);
  return {
    name: "Docker engine (dockerd)",
    command: "dockerd",
    args: ["--host", `unix://${config.docker.socketPath}`],
    logFile: path.join(config.logDir, "dockerd.log"),
    pidFile: path.join(config.dataDir, "run", "dockerd.pid"),
    cmdlineMarker: "dockerd",
    ready: () => engineAnswers(docker),
    readyTimeoutMs: 60_000,
    fix: `Read ${path.join(config.logDir, "dockerd.log")}; a stale /var/run/docker.pid or another container runtime holding /var/run/docker.sock are the usual causes.`,
  };
}

/**
 * Starts the engine when none answers: through systemd where it runs the machine, otherwise
 * as a process Berth supervises (containers and minimal VMs have no init system).
 */
export async function ensureDockerEngine(config: BerthConfig, log: StepLog): Promise<Docker> {
  const docker = connectDocker(config.docker.socketPath);
  if (await engineAnswers(docker)) {
    log.ok("engine already answers");
  } else if (existsSync("/run/systemd/system")) {
    log.info("starting docker.service through systemd");
    await runCommand("systemctl", ["start", "docker"]);
  } else {
    // dockerd refuses to start while a pid file from a dead daemon is left behind.
    const stalePid = "/var/run/docker.pid";
    if (existsSync(stalePid)) rmSync(stalePid, { force: true });
    log.info("no engine answers; starting dockerd");
    await startProcess(dockerdProcess(config));
  }
  const engine = await describeEngine(docker).catch((err: Error) => {
    throw new BringUpError(`The Docker engine at ${config.docker.socketPath} does not answer: ${err.message}`, "Check that dockerd runs (`docker info`) and read its log.");
  });
  log.ok(`Docker ${engine.version} (API ${engine.apiVersion})`);
  const outcome = await ensureSwarmManager(docker, { advertiseAddr: advertiseAddress() });
  log.ok(outcome === "initialized" ? "initialized a single-node Swarm; this node is its manager" : "this node is already a Swarm manager");
  return docker;
}

/** The first address on a physical-looking interface: what other nodes would use to reach this one. */
export function advertiseAddress(interfaces = os.networkInterfaces()): string {
  const virtual = /^(lo|docker|br-|veth|virbr|vxlan|flannel|cni|tun|tap)/;
  for (const [name, addrs] of Object.entries(interfaces)) {
    if (virtual.test(name)) continue;
    const v4 = addrs?.find((a) => a.family === "IPv4" && !a.internal);
    if (v4) return v4.address;
  }
  return "127.0.0.1";
}
