import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { after, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { ensureContainer, inspectContainer, PortConflictError, removeContainer, stopContainer } from "../src/containers";
import { connectDocker } from "../src/engine";
import { imageExists } from "../src/images";

const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const name = `berth-test-ctr-${randomBytes(4).toString("hex")}`;
const image = config.baseImages.debian;

after(async () => {
  await removeContainer(docker, name);
});

async function listenOnFreePort(): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

describe("ensureContainer", async () => {
  const haveImage = await imageExists(docker, image);

  test("creates, leaves alone, starts, and recreates on a spec change", { skip: !haveImage && `${image} not present` }, async () => {
    const spec = { name, image, cmd: ["sleep", "infinity"], labels: { "org.berth.test": "1" }, restartPolicy: "no" as const };
    const first = await ensureContainer(docker, spec);
    assert.equal(first.outcome, "created");
    const second = await ensureContainer(docker, spec);
    assert.deepEqual(second, { id: first.id, outcome: "running" });

    assert.equal(await stopContainer(docker, name, 0), "stopped");
    assert.equal(await stopContainer(docker, name), "not-running");
    assert.deepEqual(await ensureContainer(docker, spec), { id: first.id, outcome: "started" });

    const changed = await ensureContainer(docker, { ...spec, env: { CHANGED: "1" } });
    assert.equal(changed.outcome, "recreated");
    assert.notEqual(changed.id, first.id);
    assert.equal((await inspectContainer(docker, name))?.State.Running, true);
  });

  test("a taken host port becomes an error naming the port and the setting", { skip: !haveImage && `${image} not present` }, async () => {
    const blocker = await listenOnFreePort();
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await assert.rejects(
        ensureContainer(docker, {
          name,
          image,
          cmd: ["sleep", "infinity"],
          ports: [{ hostIp: "127.0.0.1", hostPort: port, containerPort: 80, envVar: "BERTH_TEST_PORT" }],
        }),
        (err: Error) =>
          err instanceof PortConflictError && err.message.includes(`127.0.0.1:${port}`) && err.message.includes("BERTH_TEST_PORT"),
      );
    } finally {
      blocker.close();
    }
  });

  test("removeContainer is quiet about a container that does not exist", async () => {
    assert.equal(await removeContainer(docker, `${name}-never`), false);
    assert.equal(await stopContainer(docker, `${name}-never`), "not-running");
  });
});
