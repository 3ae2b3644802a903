import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { after, describe, test } from "node:test";
import tar from "tar-stream";
import { loadConfig } from "@berth/config/config";
import { connectDocker } from "../src/engine";
import { buildImage, imageExists, importRootfs, removeImageIfUnused, tryPullImage } from "../src/images";

const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(4).toString("hex");
const repo = `berth-test/images-${run}`;
const created: string[] = [];

/** A root filesystem of one file: enough for import and COPY-only builds, no network or base image needed. */
function tinyRootfs(): NodeJS.ReadableStream {
  const pack = tar.pack();
  pack.entry({ name: "etc/berth-test", mode: 0o644 }, `run ${run}\n`);
  pack.finalize();
  // tar-stream packs are streamx streams; Readable.from gives dockerode the Node stream it expects.
  return Readable.from(pack);
}

after(async () => {
  for (const name of created.reverse()) await removeImageIfUnused(docker, name);
});

describe("images", () => {
  test("importRootfs imports a tar stream as repo:tag with labels", async () => {
    const name = `${repo}:base`;
    const id = await importRootfs(docker, tinyRootfs(), { repo, tag: "base", changes: ['LABEL org.berth.test="1"'] });
    created.push(name);
    assert.match(id, /^sha256:/);
    assert.equal(await imageExists(docker, name), true);
    const info = await docker.getImage(name).inspect();
    assert.equal(info.Config.Labels?.["org.berth.test"], "1");
  });

  test("buildImage builds from an in-memory context and labels the image", async () => {
    const name = `${repo}:built`;
    const lines: string[] = [];
    await buildImage(docker, {
      tag: name,
      dockerfile: `FROM ${repo}:base\nCOPY hello.txt /hello.txt\n`,
      files: { "hello.txt": "hi\n" },
      labels: { "org.berth.managed": "true" },
      onOutput: (l) => lines.push(l),
    });
    created.push(name);
    assert.equal(await imageExists(docker, name), true);
    assert.ok(lines.some((l) => l.includes("COPY")), "build output is reported line by line");
    const info = await docker.getImage(name).inspect();
    assert.equal(info.Config.Labels?.["org.berth.managed"], "true");
    assert.equal(await removeImageIfUnused(docker, name), true);
    assert.equal(await imageExists(docker, name), false);
  });

  test("buildImage turns an error in the build stream into a thrown error with the output tail", async () => {
    await assert.rejects(
      buildImage(docker, { tag: `${repo}:broken`, dockerfile: `FROM ${repo}:base\nCOPY missing.txt /x\n` }),
      (err: Error) => /Building .*:broken failed/.test(err.message) && /last build output/.test(err.message),
    );
  });

  test("buildImage runs commands in the local Debian base image", async (t) => {
    if (!(await imageExists(docker, config.baseImages.debian))) return t.skip(`${config.baseImages.debian} not present`);
    const name = `${repo}:run`;
    await buildImage(docker, { tag: name, dockerfile: `FROM ${config.baseImages.debian}\nRUN echo berth > /berth.txt\n` });
    created.push(name);
    assert.equal(await imageExists(docker, name), true);
  });

  test("imageExists is false for an unknown image", async () => {
    assert.equal(await imageExists(docker, `${repo}:nope`), false);
  });

  test("tryPullImage answers false, quickly, when the registry is unreachable", async () => {
    const started = Date.now();
    // A loopback port nothing listens on: the engine's connection is refused at once.
    assert.equal(await tryPullImage(docker, `127.0.0.1:9/berth-test/none-${run}:latest`, { timeoutMs: 5000 }), false);
    assert.ok(Date.now() - started < 6000);
  });
});

