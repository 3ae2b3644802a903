import assert from "node:assert/strict";
import { test } from "node:test";
import { generateBuildFiles } from "./generate-dockerfile";

const images = { node: "berth/node:bookworm", static: "berth/static:bookworm" };

test("a Dockerfile plan generates nothing", () => {
  assert.equal(generateBuildFiles({ builder: "dockerfile" }, images), null);
});

test("Node with dependencies: manifests and install before the source copy, npm start", () => {
  const out = generateBuildFiles({ builder: "node", start: "npm-start", installDependencies: true, manifests: ["package.json", "package-lock.json"] }, images);
  const lines = out?.dockerfile.split("\n") ?? [];
  assert.equal(lines[0], "FROM berth/node:bookworm");
  const copyManifests = lines.indexOf("COPY package.json package-lock.json ./");
  const install = lines.indexOf("RUN npm install --omit=dev --no-audit --no-fund");
  const copySource = lines.indexOf("COPY . .");
  assert.ok(copyManifests >= 0 && copyManifests < install && install < copySource, out?.dockerfile);
  assert.ok(lines.includes('CMD ["npm", "start"]'));
  assert.match(out?.dockerignore ?? "", /^node_modules$/m);
  assert.doesNotMatch(out?.dockerfile ?? "", /# syntax|--mount/, "the classic builder must be able to build it");
});

test("Node without dependencies: no install step; server.js started with node", () => {
  const out = generateBuildFiles({ builder: "node", start: "server-js", installDependencies: false, manifests: [] }, images);
  assert.doesNotMatch(out?.dockerfile ?? "", /npm install/);
  assert.match(out?.dockerfile ?? "", /^CMD \["node", "server\.js"\]$/m);
  assert.match(out?.dockerfile ?? "", /^ENV NODE_ENV=production PORT=5000$/m);
});

test("static: files copied to /srv of the static base, dotfiles and build files ignored, user ignores kept", () => {
  const out = generateBuildFiles({ builder: "static" }, images, "drafts/\n");
  assert.match(out?.dockerfile ?? "", /^FROM berth\/static:bookworm\nCOPY \. \/srv\/$/m);
  const ignore = out?.dockerignore.split("\n") ?? [];
  for (const p of ["**/.*", "Dockerfile", ".dockerignore", ".git", "drafts/"]) assert.ok(ignore.includes(p), p);
});

test("generated images carry a health check on $PORT", () => {
  const out = generateBuildFiles({ builder: "static" }, images);
  assert.match(out?.dockerfile ?? "", /^HEALTHCHECK .*\/dev\/tcp\/127\.0\.0\.1\/\$\{PORT:-5000\}/m);
});
