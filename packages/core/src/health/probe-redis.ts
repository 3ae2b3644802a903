import type { BerthConfig } from "@berth/config/config";
import { Redis } from "ioredis";
import { startCommand } from "./remedy";
import { runProbe } from "./run-probe";

export function probeRedis({ config, timeoutMs }: { config: BerthConfig; timeoutMs: number }) {
  const { host, port } = config.redis;
  return runProbe({
    name: "redis",
    label: "Redis",
    target: `Redis at ${host}:${port}`,
    remedy: `Start it with ${startCommand("redis")}.`,
    timeoutMs,
    async run() {
      // A fresh connection that fails fast: no retries and no queueing, or a dead Redis would
      // make the probe hang instead of answering "down".
      const redis = new Redis({
        host,
        port,
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
        connectTimeout: timeoutMs,
      });
      // With retries off, connect() only rejects with "Connection is closed"; the socket error that
      // says why (ECONNREFUSED, ...) arrives as an event, so keep it and report that instead.
      let socketError: unknown;
      redis.on("error", (error) => (socketError ??= error));
      try {
        await redis.connect().catch((error) => {
          throw socketError ?? error;
        });
        await redis.ping();
        const info = await redis.info("server");
        const version = /redis_version:([\w.]+)/.exec(info)?.[1];
        return (ms) => `Redis${version ? ` ${version}` : ""} answered PING in ${ms} ms.`;
      } finally {
        redis.disconnect();
      }
    },
  });
}
