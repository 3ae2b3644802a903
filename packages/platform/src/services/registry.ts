import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BerthConfig } from "@berth/config/config";
import type { StepLog } from "../util/log";
import { isPortOpen, portTakenError } from "../util/ports";
import { runningPid, startProcess, stopProcess, type ManagedProcess } from "../util/supervisor";

/** Distribution v2 config: loopback only, storage under the data dir, deletes on (so GC can work). */
export function registryConf(config: BerthConfig): string {
  return [
    "version: 0.1",
    "log:",
    "  level: info",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${path.join(config.registry.dataDir, "data")}`,
    "  delete:",
    "    enabled: true",
    "http:",
    `  addr: ${config.registry.address}`,
    "",
  ].join("\n");
}

async function registryAnswers(url: string): Promise<boolean> {
  const res = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1000) });
  return res.status === 200;
}

export function registryProcess(config: BerthConfig): ManagedProcess {
  const confFile = path.join(config.registry.dataDir, "config.yml");
  return {
    name: "Image registry",
    command: "docker-registry",
    args: ["serve", confFile],
    logFile: path.join(config.logDir, "registry.log"),
    pidFile: path.join(config.dataDir, "run", "registry.pid"),
    cmdlineMarker: "docker-registry",
    ready: () => registryAnswers(config.registry.url),
    readyTimeoutMs: 20_000,
    fix: `Read ${path.join(config.logDir, "registry.log")}; fix what it says and run the bring-up again.`,
  };
}

export async function ensureRegistry(config: BerthConfig, log: StepLog): Promise<void> {
  const proc = registryProcess(config);
  mkdirSync(path.join(config.registry.dataDir, "data"), { recursive: true });
  writeFileSync(path.join(config.registry.dataDir, "config.yml"), registryConf(config));
  if (runningPid(proc) === null && (await isPortOpen(config.registry.host, config.registry.port))) {
    throw portTakenError("the image registry", config.registry.port, "BERTH_REGISTRY_PORT", config.envFile);
  }
  const outcome = await startProcess(proc);
  log.ok(`${outcome === "started" ? "started" : "already running"} at ${config.registry.url} (deletes enabled)`);
}

export async function stopRegistry(config: BerthConfig): Promise<string> {
  return stopProcess(registryProcess(config));
}
