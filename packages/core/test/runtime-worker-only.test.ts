import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { askRouterForHost } from "@berth/router/probe";
import { routeTableFromDb } from "../src/deployments/sync-routes";
import { waitForRelease } from "../src/deployments/wait-for-release";
import { listProcesses } from "../src/runtime/list-processes";
import { createRuntimeFixture, type RuntimeFixture } from "./support/runtime-fixture";

/** An app whose Procfile has only a worker: it runs, is ready without a route, and gets none. */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
let fx: RuntimeFixture;
let releaseId = "";

before(async () => {
  fx = await createRuntimeFixture({ db, docker, config }, "wonly");
  releaseId = (await fx.release({ processTypes: { worker: "node /app/worker.js" } })).id;
});

after(async () => {
  await fx?.cleanup();
  await db.$disconnect();
});

test("a worker-only app becomes ready, runs its worker, and is not routed", async () => {
  await waitForRelease(docker, config, { appId: fx.app.id, releaseId, host: fx.host, timeoutMs: 120_000, signal: AbortSignal.timeout(130_000) });
  const ps = await listProcesses({ db, config, docker }, fx.ref);
  assert.deepEqual(ps.processes.map((p) => [p.type, p.routed, p.instances.map((i) => i.state)]), [["worker", false, ["running"]]]);
  assert.equal((await routeTableFromDb(db, config)).routes.some((r) => r.id === fx.app.id), false);
  assert.equal((await askRouterForHost(config.router.url, fx.host)).isFallback, true, "the router does not know the app's host");
});
