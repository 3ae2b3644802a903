import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type Job, UnrecoverableError } from "bullmq";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { runJob } from "../src/run-job";

const config = loadConfig();
const db = createDb(config.postgres.url);
const self = { workerId: "run-job-test", hostname: "h", pid: 1, startedAt: new Date() };
const base = { db, config, docker: connectDocker(config.docker.socketPath), self, leaseOwner: "run-job-test#1", log: () => {} };
const job = (name: string, data: unknown) => ({ id: "1", name, data }) as unknown as Job;

after(() => db.$disconnect());

test("a job outside the catalog fails without retries", async () => {
  await assert.rejects(runJob(job("nope", {}), base), UnrecoverableError);
});

test("a payload that does not match the catalog fails without retries", async () => {
  await assert.rejects(runJob(job("platform.heartbeat", { workerId: 5 }), base), (err: Error) => err instanceof UnrecoverableError && /workerId/.test(err.message));
});

test("a beat scheduled by another worker is skipped, not written under this worker's pid", async () => {
  assert.equal(await runJob(job("platform.heartbeat", { workerId: "someone-else" }), base), "not-mine");
});
