import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";

const config = loadConfig();
const run = randomBytes(4).toString("hex");
// Own worker id and queue prefix: this worker never takes real jobs, and its row is its own.
const workerId = `test-worker-${run}`;
const prefix = `berth-test-${run}`;
const workerDir = fileURLToPath(new URL("..", import.meta.url));
const db = createDb(config.postgres.url);
let child: ChildProcess | undefined;

after(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await db.workerHeartbeat.deleteMany({ where: { id: workerId } });
  await db.$disconnect();
  const redis = new Redis({ host: config.redis.host, port: config.redis.port });
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

/** Resolves with the first output line matching `pattern`; rejects on exit or after `ms`. */
function waitForLine(proc: ChildProcess, output: string[], pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const hit = output.find((l) => pattern.test(l));
      if (hit) finish(() => resolve(hit));
    };
    const onExit = () => finish(() => reject(new Error(`worker exited before ${pattern}:\n${output.join("\n")}`)));
    const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${output.join("\n")}`))), ms);
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      proc.stdout?.off("data", check);
      proc.off("exit", onExit);
      fn();
    };
    proc.stdout?.on("data", check);
    proc.on("exit", onExit);
    check();
  });
}

test("the worker writes its heartbeat and exits 0 on SIGTERM", { timeout: 90_000 }, async () => {
  const startedAt = new Date();
  const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: { ...process.env, BERTH_WORKER_ID: workerId, BERTH_QUEUE_PREFIX: prefix },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  proc.stdout.on("data", collect);
  proc.stderr.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );

  await waitForLine(proc, output, /worker ready/, 45_000);
  // The scheduler's first beat runs at once: wait for it so the repeatable path is exercised too.
  await waitForLine(proc, output, /job platform\.heartbeat .* done: "recorded"/, 15_000);

  const row = await db.workerHeartbeat.findUnique({ where: { id: workerId } });
  assert.ok(row, "heartbeat row exists");
  assert.equal(row.pid, proc.pid);
  assert.ok(row.lastSeenAt >= startedAt && row.startedAt >= new Date(startedAt.getTime() - 1000));

  const signalledAt = Date.now();
  proc.kill("SIGTERM");
  let exitTimer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    exited,
    new Promise<never>((_, reject) => {
      exitTimer = setTimeout(() => reject(new Error(`no exit within 20 s:\n${output.join("\n")}`)), 20_000);
    }),
  ]).finally(() => clearTimeout(exitTimer));
  assert.deepEqual(result, { code: 0, signal: null }, output.join("\n"));
  assert.ok(Date.now() - signalledAt < 20_000);
  for (const step of ["SIGTERM received", "worker closed", "redis connections closed", "database connection closed", "exit 0"]) {
    assert.ok(output.some((l) => l.includes(step)), `logged "${step}":\n${output.join("\n")}`);
  }

  // The schedules outlive the process (a restart reuses them): the heartbeat keyed by the worker id,
  // the crash check under one fixed id shared by every worker, so neither is ever duplicated.
  const queue = new Queue("platform", { connection: { host: config.redis.host, port: config.redis.port }, prefix });
  // Closed even when the assertion fails: an open Redis handle would keep this file's process alive for ever.
  const schedulers = await queue.getJobSchedulers().finally(() => queue.close());
  assert.deepEqual(schedulers.map((s) => s.key).sort(), [`platform.heartbeat:${workerId}`, "runtime.check-crashes"]);
});
