import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import tar from "tar-stream";
import { loadConfig } from "@berth/config/config";
import { connectDocker } from "@berth/docker/engine";
import { imageId, importRootfs, removeImageIfUnused } from "@berth/docker/images";
import { ensureBaseImages, RECIPE_LABEL } from "../src/ensure-base-images";
import { recipeFor } from "../src/recipes";
import { BASE_IMAGE_KINDS, type BaseImageNames } from "../src/kinds";

const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const run = randomBytes(4).toString("hex");
// Names in Berth's own namespace, so a broken "present" check would try to build them and the test would notice.
const images = Object.fromEntries(BASE_IMAGE_KINDS.map((k) => [k, `berth/test-${run}-${k}:t`])) as BaseImageNames;
let workDir = "";

before(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "berth-base-images-"));
  for (const name of Object.values(images)) {
    const pack = tar.pack();
    pack.entry({ name: "etc/berth-test" }, name);
    pack.finalize();
    const [repo, tag] = name.split(":") as [string, string];
    // Present AND made from today's recipe (as a real build would label it): nothing to redo.
    const kind = BASE_IMAGE_KINDS.find((k) => images[k] === name)!;
    const changes = kind === "debian" ? [] : [`LABEL ${RECIPE_LABEL}=${recipeFor(kind, images.debian, {}).digest}`];
    await importRootfs(docker, Readable.from(pack), { repo, tag, changes });
  }
});

after(async () => {
  for (const name of Object.values(images)) await removeImageIfUnused(docker, name);
  await rm(workDir, { recursive: true, force: true });
});

test("ensureBaseImages reports every present image as present and touches none", async () => {
  const idsBefore = await Promise.all(Object.values(images).map((n) => imageId(docker, n)));
  const lines: string[] = [];
  const results = await ensureBaseImages({
    docker,
    images: { ...images, mirror: config.baseImages.mirror, suite: config.baseImages.suite },
    workDir,
    log: (l) => lines.push(l),
  });
  assert.deepEqual(results, { debian: "present", node: "present", python: "present", go: "present", static: "present" });
  assert.deepEqual(await Promise.all(Object.values(images).map((n) => imageId(docker, n))), idsBefore);
  assert.ok(!lines.some((l) => /building|pulling|debootstrap/.test(l)), lines.join("\n"));
});

test("a present Berth image made from another recipe is built again", async () => {
  const stale = `berth/test-${run}-stale:t`;
  const pack = tar.pack();
  pack.entry({ name: "etc/berth-test" }, stale);
  pack.finalize();
  await importRootfs(docker, Readable.from(pack), { repo: stale.split(":")[0]!, tag: "t", changes: [`LABEL ${RECIPE_LABEL}=an-old-recipe`] });
  const lines: string[] = [];
  try {
    // The fake Debian base has no shell, so the rebuild itself fails; that it is attempted is the point.
    await assert.rejects(
      ensureBaseImages({
        docker,
        images: { ...images, node: stale, mirror: config.baseImages.mirror, suite: config.baseImages.suite },
        workDir,
        kinds: ["node"],
        log: (l) => lines.push(l),
      }),
    );
    assert.ok(lines.some((l) => l.includes(`${stale} was built from another recipe; building it again`)), lines.join("\n"));
  } finally {
    await removeImageIfUnused(docker, stale);
  }
});
