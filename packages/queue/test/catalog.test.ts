import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deploymentJobId, InvalidJobPayloadError, isJobName, jobCatalog, jobOptions, jobsOfQueue, parsePayload } from "../src/catalog";

describe("job catalog", () => {
  test("accepts a valid heartbeat payload", () => {
    assert.deepEqual(parsePayload("platform.heartbeat", { workerId: "host-1" }), { workerId: "host-1" });
  });

  test("refuses missing, empty, wrongly typed and extra fields", () => {
    for (const bad of [{}, { workerId: "" }, { workerId: 42 }, { workerId: "w", token: "secret" }, null, "w"]) {
      assert.throws(() => parsePayload("platform.heartbeat", bad), InvalidJobPayloadError, JSON.stringify(bad));
    }
  });

  test("the error names the job and the field", () => {
    assert.throws(() => parsePayload("platform.heartbeat", { workerId: 1 }), /platform\.heartbeat.*workerId/);
  });

  test("job options carry attempts, backoff and bounded retention", () => {
    const opts = jobOptions("platform.heartbeat");
    assert.equal(opts.attempts, 1);
    assert.deepEqual(opts.backoff, { type: "fixed", delay: 1000 });
    assert.deepEqual(opts.removeOnComplete, { age: 3600, count: 100 });
    assert.ok(typeof opts.removeOnFail === "object");
  });

  test("every job has a timeout and bounded retention, and knows its queue", () => {
    for (const [name, def] of Object.entries(jobCatalog)) {
      assert.ok(def.timeoutMs > 0, name);
      assert.ok(def.removeOnComplete.count > 0 && def.removeOnFail.count > 0, name);
      assert.ok(jobsOfQueue(def.queue).includes(name as keyof typeof jobCatalog));
    }
    assert.equal(jobCatalog["platform.heartbeat"].repeat?.everyMs, 15_000);
  });

  test("deploy jobs carry only a deployment id, builds and rollouts on queues of their own, with deterministic job ids", () => {
    for (const name of ["deploy.build", "deploy.release"] as const) {
      assert.deepEqual(parsePayload(name, { deploymentId: "d1" }), { deploymentId: "d1" });
      assert.throws(() => parsePayload(name, { deploymentId: "d1", config: { SECRET: "x" } }), InvalidJobPayloadError);
      assert.equal(jobCatalog[name].attempts, 1);
    }
    // Build slots are capped per host; a rollout must never wait behind other apps' builds.
    assert.equal(jobCatalog["deploy.build"].queue, "build");
    assert.equal(jobCatalog["deploy.release"].queue, "deploy");
    assert.equal(deploymentJobId("deploy.build", "abc"), "deploy.build-abc");
  });

  test("isJobName tells catalog jobs from anything else", () => {
    assert.equal(isJobName("platform.heartbeat"), true);
    assert.equal(isJobName("toString"), false);
    assert.equal(isJobName("nope"), false);
  });
});
