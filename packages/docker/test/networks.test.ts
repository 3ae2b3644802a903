import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { ensureContainer, inspectContainer, removeContainer } from "../src/containers";
import { connectDocker } from "../src/engine";
import { connectContainer, ensureOverlayNetwork, removeNetwork } from "../src/networks";

/**
 * Two deploys of apps of one tenant, or a deploy and the reconciler, prepare the tenant's overlay
 * network and join the router to it at the same moment. Neither may fail because the other won.
 */
const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(4).toString("hex");
const container = `berth-test-net-${run}`;
const network = `berth-test-overlay-${run}`;

after(async () => {
  await removeContainer(docker, container);
  await removeNetwork(docker, network);
});

test("callers racing to create an overlay network and join a container to it all succeed, and it joins once", { timeout: 120_000 }, async () => {
  await ensureContainer(docker, { name: container, image: config.baseImages.debian, cmd: ["sleep", "infinity"], labels: { "org.berth.test": "1" }, restartPolicy: "no" });
  const created = await Promise.all([1, 2, 3, 4].map(() => ensureOverlayNetwork(docker, network, { "org.berth.test": "1" })));
  assert.ok(created.every((o) => o === "created" || o === "present"), String(created));
  const joined = await Promise.all([1, 2, 3, 4].map(() => connectContainer(docker, network, container)));
  assert.equal(joined.filter((o) => o === "connected").length, 1, `exactly one caller connects: ${joined.join(", ")}`);
  assert.ok(joined.every((o) => o === "connected" || o === "already-connected"));
  const networks = Object.keys((await inspectContainer(docker, container))?.NetworkSettings.Networks ?? {});
  assert.equal(networks.filter((n) => n === network).length, 1);
  assert.equal(await connectContainer(docker, network, container), "already-connected");
});
