import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { connectDocker } from "@berth/docker/engine";
import { imageId } from "@berth/docker/images";
import { REPO_ROOT } from "../src/util/repo";

function platform(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "packages/platform/src/cli.ts"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
}

const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);

test("`images` leaves present base images alone", async () => {
  const before = await imageId(docker, config.baseImages.node);
  const result = platform(["images"]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /debian present, node present, python present, go present, static present/);
  assert.equal(await imageId(docker, config.baseImages.node), before);
});

test("`images --rebuild static` builds that image again on demand", async () => {
  const before = await imageId(docker, config.baseImages.static);
  const result = platform(["images", "--rebuild", "static"]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /static built/);
  const after = await imageId(docker, config.baseImages.static);
  assert.ok(after, "the rebuilt image exists");
  assert.notEqual(after, before, "a new image replaced the old one");
});

test("`images` refuses an unknown kind and lists the known ones", () => {
  const result = platform(["images", "--rebuild", "ruby"]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /Unknown base image kind: ruby/);
  assert.match(result.stderr, /debian, node, python, go, static/);
});
