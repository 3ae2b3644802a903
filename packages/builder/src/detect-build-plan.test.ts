import assert from "node:assert/strict";
import { test } from "node:test";
import { detectBuildPlan } from "./detect-build-plan";
import type { SourceTree } from "./source-tree";

function tree(paths: string[], packageJson: unknown = undefined): SourceTree {
  return {
    paths,
    packageJson: packageJson === undefined ? null : typeof packageJson === "string" ? packageJson : JSON.stringify(packageJson),
    dockerignore: null,
  };
}

test("a Dockerfile wins over every other marker", () => {
  assert.deepEqual(detectBuildPlan(tree(["Dockerfile", "package.json", "index.html"], { scripts: { start: "x" } })), { builder: "dockerfile" });
});

test("a Dockerfile in a subfolder is not the app's Dockerfile", () => {
  assert.equal(detectBuildPlan(tree(["docker/Dockerfile", "index.html"])).builder, "static");
});

test("package.json with a start script and dependencies: npm start, install, lockfile among the manifests", () => {
  assert.deepEqual(detectBuildPlan(tree(["package.json", "package-lock.json", "index.js"], { scripts: { start: "node index.js" }, dependencies: { a: "1" } })), {
    builder: "node",
    start: "npm-start",
    installDependencies: true,
    manifests: ["package.json", "package-lock.json"],
  });
});

test("package.json without dependencies skips the install", () => {
  const plan = detectBuildPlan(tree(["package.json", "server.js"], { scripts: { start: "node server.js" } }));
  assert.equal(plan.builder === "node" && plan.installDependencies, false);
});

test("package.json without a start script but with server.js runs node server.js", () => {
  const plan = detectBuildPlan(tree(["package.json", "server.js"], { name: "x" }));
  assert.equal(plan.builder === "node" && plan.start, "server-js");
});

test("server.js alone is a Node app", () => {
  assert.deepEqual(detectBuildPlan(tree(["server.js"])), { builder: "node", start: "server-js", installDependencies: false, manifests: [] });
});

test("index.html alone is a static site", () => {
  assert.deepEqual(detectBuildPlan(tree(["index.html", "style.css"])), { builder: "static" });
});

test("package.json with neither a start script nor server.js fails with how to fix it, even with index.html", () => {
  const plan = detectBuildPlan(tree(["package.json", "index.html"], { name: "x", scripts: { build: "vite" } }));
  assert.equal(plan.builder, null);
  assert.match(plan.builder === null ? plan.message : "", /"start" script/);
});

test("invalid package.json is reported as such", () => {
  const plan = detectBuildPlan(tree(["package.json"], "{ nope"));
  assert.equal(plan.builder, null);
  assert.match(plan.builder === null ? plan.message : "", /not valid JSON/);
});

test("nothing recognisable: the message lists what was looked for and the root files", () => {
  const plan = detectBuildPlan(tree(["README.md", "src/main.rs", "Cargo.toml"]));
  assert.equal(plan.builder, null);
  const message = plan.builder === null ? plan.message : "";
  for (const wanted of [/Dockerfile/, /package\.json/, /start/, /server\.js/, /index\.html/, /\$PORT/]) assert.match(message, wanted);
  assert.match(message, /Cargo\.toml, README\.md/);
  assert.doesNotMatch(message, /main\.rs/, "only root files are listed");
});
