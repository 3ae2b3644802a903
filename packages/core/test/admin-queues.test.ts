import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { openQueue } from "@berth/queue/producer";
import { AppError } from "../src/errors/app-error";
import { listFailedJobs, listQueueCounts, retryFailedJob } from "../src/admin/queue-overview";

/**
 * The admin panel's queue view against the real Redis and the running worker: a job the worker
 * cannot run (a name outside the catalog, which it fails without retrying) shows up as failed,
 * and retrying it really runs it again.
 */
const config = loadConfig();
const queue = openQueue(config.redis, "platform");
const jobId = `admin-queue-test-${randomBytes(4).toString("hex")}`;

after(async () => {
  await (await queue.getJob(jobId))?.remove().catch(() => undefined);
  await queue.close();
});

/** Polls the job until `done` says so; the worker runs it when it gets to it. */
async function waitForJob(done: (j: { state: string; finishedOn: number | undefined }) => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    const job = await queue.getJob(jobId);
    const snapshot = { state: job ? await job.getState() : "missing", finishedOn: job?.finishedOn };
    if (done(snapshot)) return snapshot;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the worker never got the job to: ${what}`);
}

test("a failed job is counted and listed with its reason; retry runs it again; retrying what is not failed is refused in words", async () => {
  // Added around the catalog on purpose: this is the kind of job the worker refuses.
  await queue.add("test.not-in-the-catalog", { note: "admin queue test" }, { jobId, attempts: 1, removeOnFail: false });
  const first = await waitForJob((j) => j.state === "failed", "fail it");

  const counts = await listQueueCounts(config);
  for (const name of ["platform", "deploy"]) assert.ok(counts.some((c) => c.name === name), `queue ${name} is shown`);
  assert.ok((counts.find((c) => c.name === "platform")?.failed ?? 0) >= 1, "the failed job is counted");

  const failed = await listFailedJobs(config, { limit: 200 });
  const row = failed.find((j) => j.id === jobId);
  assert.ok(row, "the failed job is listed");
  assert.equal(row.queue, "platform");
  assert.equal(row.name, "test.not-in-the-catalog");
  assert.match(row.failedReason, /not in the catalog/);

  assert.deepEqual(await retryFailedJob(config, { queue: "platform", id: jobId }), { queue: "platform", id: jobId });
  // The worker takes it again and, as before, fails it: a later finish than the first one.
  await waitForJob((j) => j.state === "failed" && (j.finishedOn ?? 0) > (first.finishedOn ?? 0), "run it again after the retry");

  await assert.rejects(retryFailedJob(config, { queue: "platform", id: "no-such-job" }), (e: unknown) => e instanceof AppError && e.code === "NOT_FOUND" && /retention/.test(e.userMessage));
  await (await queue.getJob(jobId))?.remove();
  await queue.add("test.not-in-the-catalog", {}, { jobId, delay: 60_000 });
  await assert.rejects(retryFailedJob(config, { queue: "platform", id: jobId }), (e: unknown) => e instanceof AppError && e.code === "CONFLICT" && /not failed/.test(e.userMessage));
});
