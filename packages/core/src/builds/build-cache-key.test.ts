import assert from "node:assert/strict";
import { test } from "node:test";
import { buildCacheKey, type BuildCacheInputs } from "./build-cache-key";

const base: BuildCacheInputs = {
  treeDigest: "a".repeat(64),
  dockerfile: "FROM berth/node:bookworm\n",
  dockerignore: ".git\n",
  baseImageIds: ["sha256:1"],
  buildDir: "",
  dockerfilePath: "Dockerfile",
  secrets: {},
  secretKey: "k",
};

test("the same tree built the same way has the same key; anything that changes the image changes it", () => {
  assert.equal(buildCacheKey(base), buildCacheKey({ ...base }));
  const changes: Array<Partial<BuildCacheInputs>> = [
    { treeDigest: "b".repeat(64) },
    { dockerfile: "FROM berth/node:bookworm\nRUN true\n" },
    { dockerignore: ".git\nnode_modules\n" },
    { baseImageIds: ["sha256:2"] },
    { buildDir: "api" },
    { dockerfilePath: "docker/Dockerfile" },
    { secrets: { NPM_TOKEN: "one" } },
  ];
  for (const change of changes) assert.notEqual(buildCacheKey({ ...base, ...change }), buildCacheKey(base), JSON.stringify(change));
  assert.notEqual(buildCacheKey({ ...base, secrets: { NPM_TOKEN: "one" } }), buildCacheKey({ ...base, secrets: { NPM_TOKEN: "two" } }), "a changed secret value rebuilds");
});

test("the key never contains a secret value", () => {
  const key = buildCacheKey({ ...base, secrets: { NPM_TOKEN: "very-secret-value" } });
  assert.match(key, /^[0-9a-f]{64}$/);
});
