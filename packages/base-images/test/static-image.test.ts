import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { Readable } from "node:stream";
import { after, test } from "node:test";
import tar from "tar-stream";
import { loadConfig } from "@berth/config/config";
import { ensureContainer, removeContainer } from "@berth/docker/containers";
import { connectDocker } from "@berth/docker/engine";
import { imageExists } from "@berth/docker/images";

const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const name = `berth-test-static-${randomBytes(4).toString("hex")}`;

after(() => removeContainer(docker, name));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("the static base image serves /srv on $PORT", async (t) => {
  if (!(await imageExists(docker, config.baseImages.static))) return t.skip(`${config.baseImages.static} not built`);
  const hostPort = await freePort();
  await ensureContainer(docker, {
    name,
    image: config.baseImages.static,
    env: { PORT: "9000" },
    ports: [{ hostIp: "127.0.0.1", hostPort, containerPort: 9000 }],
  });
  const pack = tar.pack();
  pack.entry({ name: "index.html" }, "hello from berth\n");
  pack.finalize();
  await docker.getContainer(name).putArchive(Readable.from(pack), { path: "/srv" });

  let body = "";
  for (let i = 0; i < 40 && !body; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${hostPort}/`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) body = await res.text();
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  assert.equal(body, "hello from berth\n");
});
