import type { RedisOptions } from "ioredis";

export interface RedisSettings {
  host: string;
  port: number;
}

/**
 * Workers block on Redis for long periods and must ride out Redis restarts: BullMQ requires
 * `maxRetriesPerRequest: null` for them, and ioredis keeps reconnecting.
 */
export function workerConnection(redis: RedisSettings): RedisOptions {
  return { host: redis.host, port: redis.port, maxRetriesPerRequest: null, enableReadyCheck: true };
}

/**
 * Producers run inside API requests: when Redis is down the request should fail at once with an
 * error, not hang while commands queue up offline.
 */
export function producerConnection(redis: RedisSettings): RedisOptions {
  return {
    host: redis.host,
    port: redis.port,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  };
}
