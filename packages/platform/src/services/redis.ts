import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { BerthConfig } from "@berth/config/config";
import type { StepLog } from "../util/log";
import { isPortOpen, portTakenError } from "../util/ports";
import { runningPid, startProcess, stopProcess, type ManagedProcess } from "../util/supervisor";

/**
 * BullMQ's requirements decide this file: jobs must survive a restart (append-only file on)
 * and Redis must never evict a job's keys under memory pressure (noeviction).
 */
export function redisConf(config: BerthConfig): string {
  return [
    `bind ${config.redis.host}`,
    `port ${config.redis.port}`,
    "protected-mode yes",
    "daemonize no",
    `dir ${config.redis.dataDir}`,
    "appendonly yes",
    "appendfsync everysec",
    "maxmemory-policy noeviction",
    'logfile ""',
    "",
  ].join("\n");
}

/** A PING that does not depend on any client library: the readiness probe of the process. */
export function redisAnswersPing(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => {
      reply += d.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
    socket.once("error", () => done(false));
  });
}

export function redisProcess(config: BerthConfig): ManagedProcess {
  const confFile = path.join(config.redis.dataDir, "redis.conf");
  return {
    name: "Redis",
    command: "redis-server",
    args: [confFile],
    logFile: path.join(config.logDir, "redis.log"),
    pidFile: path.join(config.dataDir, "run", "redis.pid"),
    cmdlineMarker: "redis-server",
    ready: () => redisAnswersPing(config.redis.host, config.redis.port),
    readyTimeoutMs: 20_000,
    fix: `Read ${path.join(config.logDir, "redis.log")}; fix what it says and run the bring-up again.`,
  };
}

export async function ensureRedis(config: BerthConfig, log: StepLog): Promise<void> {
  const proc = redisProcess(config);
  mkdirSync(config.redis.dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(config.redis.dataDir, "redis.conf"), redisConf(config));
  if (runningPid(proc) === null && (await isPortOpen(config.redis.host, config.redis.port))) {
    throw portTakenError("Redis", config.redis.port, "BERTH_REDIS_PORT", config.envFile);
  }
  const outcome = await startProcess(proc);
  log.ok(`${outcome === "started" ? "started" : "already running"} on ${config.redis.host}:${config.redis.port} (AOF on, noeviction)`);
}

export async function stopRedis(config: BerthConfig): Promise<string> {
  return stopProcess(redisProcess(config));
}
