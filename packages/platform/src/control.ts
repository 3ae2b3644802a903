import type { BerthConfig } from "@berth/config/config";
import type { StepLog } from "./util/log";
import { ensureDockerEngine } from "./services/docker-engine";
import { ensurePostgres, stopPostgres } from "./services/postgres";
import { ensureRedis, stopRedis } from "./services/redis";
import { ensureRegistry, stopRegistry } from "./services/registry";
import { ensureRouterService, stopRouterService } from "./services/router";
import { codeFingerprint, ensurePlatformProcess, platformProcesses, webProcess, workerProcess } from "./services/platform-processes";
import { stopProcess } from "./util/supervisor";
import { connectDocker } from "@berth/docker/engine";

export const COMPONENTS = ["postgres", "redis", "registry", "router", "web", "worker"] as const;
export type Component = (typeof COMPONENTS)[number];
export type ControlAction = "start" | "stop" | "restart";

export function isComponent(name: string): name is Component {
  return (COMPONENTS as readonly string[]).includes(name);
}

/** Each component starts, stops and restarts on its own, without touching the others. */
export async function controlComponent(action: ControlAction, name: Component, config: BerthConfig, log: StepLog): Promise<void> {
  log.step(`${action} ${name}`);
  if (action !== "start") {
    const outcome = await stop(name, config);
    log.ok(outcome);
  }
  if (action !== "stop") {
    await start(name, config, log);
  }
}

async function stop(name: Component, config: BerthConfig): Promise<string> {
  switch (name) {
    case "postgres":
      await stopPostgres();
      return "stopped";
    case "redis":
      return stopRedis(config);
    case "registry":
      return stopRegistry(config);
    case "router":
      return stopRouterService(connectDocker(config.docker.socketPath), config);
    case "web":
      return stopProcess(webProcess(config));
    case "worker":
      return stopProcess(workerProcess(config));
  }
}

async function start(name: Component, config: BerthConfig, log: StepLog): Promise<void> {
  switch (name) {
    case "postgres":
      return ensurePostgres(config, log);
    case "redis":
      return ensureRedis(config, log);
    case "registry":
      return ensureRegistry(config, log);
    case "router":
      return ensureRouterService(await ensureDockerEngine(config, log), config, log);
    case "web":
    case "worker": {
      const { proc, port } = platformProcesses(config).find((p) => p.kind === name)!;
      const outcome = await ensurePlatformProcess(proc, codeFingerprint(name), port);
      log.ok(`${outcome.replace("-", " ")} (log: ${proc.logFile})`);
    }
  }
}
