import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { startConfigDeployment } from "@berth/core/deployments/start-config-deployment";
import { waitForRelease } from "@berth/core/deployments/wait-for-release";
import { setHealthCheck } from "@berth/core/runtime/health-check-settings";
import { listProcesses } from "@berth/core/runtime/list-processes";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { askRouterForHost } from "@berth/router/probe";
import { createRuntimeFixture, type RuntimeFixture } from "../../../packages/core/test/support/runtime-fixture";
import { waitForEnd } from "./deploy-fixtures";
import { startInProcessWorker } from "./in-process-worker";

/**
 * Health-gated rollouts through the real engine (in-process worker on a private queue prefix),
 * Swarm and router: a release whose HTTP health check answers 500 never gets traffic, is rolled
 * back with the check's output and the container's last lines as the reason, and every request
 * made during the attempt is answered by the old release.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(3).toString("hex");
const prefix = `berth-test-health-${run}`;
let fx: RuntimeFixture;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

before(async () => {
  fx = await createRuntimeFixture({ db, docker, config }, "health");
  const v1 = await fx.release({ config: { GREETING: "one" } });
  await waitForRelease(docker, config, { appId: fx.app.id, releaseId: v1.id, host: fx.host, timeoutMs: 120_000, signal: AbortSignal.timeout(130_000) });
  worker = await startInProcessWorker({ db, config, docker, prefix, workerId: `health-test-${run}` });
});

after(async () => {
  await worker?.close();
  await worker?.obliterate();
  await closeDeploymentQueues();
  await fx?.cleanup();
  await db.$disconnect();
});

test("a release failing its HTTP health check is rolled back, and no request fails meanwhile", { timeout: 600_000 }, async () => {
  // The check moves to HTTP: v1's /health answers 200, so v1 rolls over to the new check and keeps serving.
  const check = await setHealthCheck({ db, config, docker }, { ...fx.ref, type: "web", path: "/health", expectedStatus: 200, startPeriodSec: 2, intervalSec: 1, timeoutSec: 2, retries: 2 });
  assert.match(check.describes, /^GET \/health answers 200/);
  for (let i = 0; i < 240; i++) {
    const web = (await listProcesses({ db, config, docker }, fx.ref)).processes.find((p) => p.type === "web");
    if (web?.instances.length === 1 && web.instances[0]?.health === "healthy" && web.instances[0].state === "running") break;
    await new Promise((r) => setTimeout(r, 500));
  }

  const bodies = new Map<string, number>();
  const failures: string[] = [];
  let stop = false;
  const load = (async () => {
    while (!stop) {
      try {
        const a = await askRouterForHost(config.router.url, fx.host, 10_000);
        if (a.status === 200) bodies.set(a.body.replace(/ from .*/, ""), (bodies.get(a.body.replace(/ from .*/, "")) ?? 0) + 1);
        else failures.push(`HTTP ${a.status} ${a.body.slice(0, 100)}`);
      } catch (err) {
        failures.push(String(err));
      }
    }
  })();

  const { deploymentId } = await startConfigDeployment(
    { db, config, queuePrefix: prefix },
    { appId: fx.app.id, config: { GREETING: "two", HEALTH_STATUS: "500" }, description: "Set HEALTH_STATUS", createdById: null },
  );
  assert.ok(deploymentId);
  const end = await waitForEnd(db, deploymentId);
  // Keep counting a little after the rollback: the old release must still be the one answering.
  await new Promise((r) => setTimeout(r, 2_000));
  stop = true;
  await load;

  assert.equal(end.status, "failed");
  assert.match(end.failureReason ?? "", /Last health check: GET \/health answered HTTP 500, expected 200/);
  assert.match(end.failureReason ?? "", /Last lines of its log:\n\s+listening on 5000/);
  const total = [...bodies.values()].reduce((a, b) => a + b, 0) + failures.length;
  console.log(`# ${total} requests during the failed rollout: ${JSON.stringify(Object.fromEntries(bodies))}, ${failures.length} failed`);
  assert.ok(total > 50, "a steady stream of requests was made");
  assert.deepEqual(failures, [], `${failures.length} of ${total} requests failed`);
  assert.deepEqual([...bodies.keys()], ["hello one"], "every answer came from the release that was serving");
  const app = await db.app.findUniqueOrThrow({ where: { id: fx.app.id }, select: { currentRelease: { select: { version: true } } } });
  assert.equal(app.currentRelease?.version, 1, "v1 is still the current release");
});
