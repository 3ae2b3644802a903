import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { Redis } from "ioredis";
import { loadConfig } from "@berth/config/config";
import { InvalidJobPayloadError, type JobName } from "../src/catalog";
import { enqueue, openQueue } from "../src/producer";

const config = loadConfig();
// A prefix of its own per run: nothing this test writes can meet a real worker's jobs.
const prefix = `berth-test-${randomBytes(4).toString("hex")}`;
const queue = openQueue(config.redis, "platform", { prefix });

after(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  const redis = new Redis({ host: config.redis.host, port: config.redis.port });
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe("enqueue", () => {
  test("adds a validated job with the catalog's options", async () => {
    const job = await enqueue(queue, "platform.heartbeat", { workerId: "test-worker" });
    const stored = await queue.getJob(job.id!);
    assert.equal(stored?.name, "platform.heartbeat");
    assert.deepEqual(stored?.data, { workerId: "test-worker" });
    assert.equal(stored?.opts.attempts, 1);
  });

  test("a deterministic job id makes enqueueing idempotent", async () => {
    const a = await enqueue(queue, "platform.heartbeat", { workerId: "w" }, { jobId: "beat-once", delayMs: 60_000 });
    const b = await enqueue(queue, "platform.heartbeat", { workerId: "w" }, { jobId: "beat-once", delayMs: 60_000 });
    assert.equal(a.id, b.id);
    assert.equal(await queue.getDelayedCount(), 1);
  });

  test("an invalid payload is refused before it reaches Redis", async () => {
    const before = await queue.getJobCountByTypes("waiting", "delayed");
    await assert.rejects(enqueue(queue, "platform.heartbeat", { workerId: "" }), InvalidJobPayloadError);
    await assert.rejects(enqueue(queue, "nope" as JobName, { workerId: "x" } as never));
    assert.equal(await queue.getJobCountByTypes("waiting", "delayed"), before);
  });

  test("a producer fails fast when Redis is unreachable", async () => {
    const dead = openQueue({ host: "127.0.0.1", port: 9 }, "platform", { prefix });
    dead.on("error", () => {}); // connection errors are expected here
    const started = Date.now();
    await assert.rejects(enqueue(dead, "platform.heartbeat", { workerId: "w" }));
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    await dead.close().catch(() => {});
  });
});
