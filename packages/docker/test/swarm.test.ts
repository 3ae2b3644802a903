import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { describeEngine, connectDocker } from "../src/engine";
import { ensureSwarmManager } from "../src/swarm";

const docker = connectDocker(loadConfig().docker.socketPath);

test("ensureSwarmManager leaves an existing manager alone", async (t) => {
  const before = await describeEngine(docker);
  if (before.swarm !== "manager") return t.skip(`engine is ${before.swarm}; this test never initialises or leaves a Swarm`);
  assert.equal(await ensureSwarmManager(docker, { advertiseAddr: "127.0.0.1" }), "already-manager");
  const afterwards = await describeEngine(docker);
  assert.equal(afterwards.nodeId, before.nodeId);
});
