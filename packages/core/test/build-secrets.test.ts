import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { detectBuildPlan } from "@berth/builder/detect-build-plan";
import { generateBuildFiles } from "@berth/builder/generate-dockerfile";
import { loadConfig } from "@berth/config/config";
import { connectDocker } from "@berth/docker/engine";
import { buildImage, removeImageIfUnused } from "@berth/docker/images";

/**
 * Build secrets against the real engine (API 1.41, classic builder: no BuildKit secret mounts).
 * They are build args of the build stage only; the image Berth pushes is a copy-only final stage.
 * The proof greps everything a puller can see: the history, the config, and every layer's bytes
 * (`docker save`). A deliberately leaky single-stage build shows the grep would catch a leak.
 */
const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const secret = `s3cret-${randomBytes(12).toString("hex")}`;
const marker = `built-${randomBytes(8).toString("hex")}`;
const tags: string[] = [];

after(async () => {
  for (const tag of tags) await removeImageIfUnused(docker, tag).catch(() => false);
});

const appFiles = {
  "package.json": JSON.stringify({ name: "secret-app", private: true, scripts: { start: "node server.js" } }),
  "server.js": "require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT);\n",
};

async function everythingVisible(tag: string): Promise<string> {
  const image = docker.getImage(tag);
  const history = await image.history();
  const inspect = await image.inspect();
  const saved = await image.get();
  const chunks: Buffer[] = [];
  for await (const c of saved as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
  return [JSON.stringify(history), JSON.stringify(inspect), Buffer.concat(chunks).toString("latin1")].join("\n");
}

test("a build secret reaches the install and build steps but no layer, history entry or config of the image", async () => {
  const tree = { paths: Object.keys(appFiles), files: appFiles };
  // The commands fail the build unless the secret is there: passing proves the build saw it.
  const detected = detectBuildPlan(tree, {
    installCommand: 'test -n "$NPM_TOKEN"',
    buildCommand: `test "\${#NPM_TOKEN}" -gt 10 && echo ${marker} > built.txt`,
  });
  assert.ok(detected.provider === "node");
  const files = generateBuildFiles(detected, config.baseImages, { buildSecrets: ["NPM_TOKEN"] });
  assert.ok(files);
  assert.match(files.dockerfile, /^ARG NPM_TOKEN$/m);
  const tag = `berth-test/build-secret:${randomBytes(4).toString("hex")}`;
  tags.push(tag);
  await buildImage(docker, { tag, dockerfile: files.dockerfile, files: { ".dockerignore": files.dockerignore, ...appFiles }, buildArgs: { NPM_TOKEN: secret } });

  const visible = await everythingVisible(tag);
  assert.ok(visible.includes(marker), "the saved image holds the build step's output (the grep reads layer bytes)");
  assert.equal(visible.includes(secret), false, "the secret appears nowhere in the image");
});

test("the same grep finds a secret that a single-stage build leaks into the history", async () => {
  const tag = `berth-test/build-secret-leaky:${randomBytes(4).toString("hex")}`;
  tags.push(tag);
  const dockerfile = [`FROM ${config.baseImages.node}`, "ARG NPM_TOKEN", 'RUN test -n "$NPM_TOKEN"', ""].join("\n");
  await buildImage(docker, { tag, dockerfile, buildArgs: { NPM_TOKEN: secret } });
  assert.equal((await everythingVisible(tag)).includes(secret), true);
});
