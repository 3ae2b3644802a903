import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type { BuildSettings } from "./build-settings";
import { detectBuildPlan } from "./detect-build-plan";
import { generateBuildFiles } from "./generate-dockerfile";
import { readSourceDir } from "./read-source-dir";

/**
 * Golden tests: each fixtures/<case>/ holds a repository (repo/), optional build settings
 * (settings.json) and the expected outcome (expected.json: the build plan and generated Dockerfile,
 * or the failure message). The expected files were written by `UPDATE_GOLDEN=1` and then read line
 * by line; a change to detection shows up as a diff of them in review.
 */
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const IMAGES = { debian: "berth/debian:bookworm", node: "berth/node:bookworm", python: "berth/python:bookworm", go: "berth/go:bookworm", static: "berth/static:bookworm" };

function outcome(dir: string): unknown {
  const settingsFile = path.join(dir, "settings.json");
  const settings = existsSync(settingsFile) ? (JSON.parse(readFileSync(settingsFile, "utf8")) as BuildSettings) : {};
  const tree = readSourceDir(path.join(dir, "repo"));
  const result = detectBuildPlan(tree, settings);
  if (result.provider === null) return { failure: result.message };
  const files = generateBuildFiles(result, IMAGES);
  return { plan: result.plan, dockerfile: files?.dockerfile.split("\n") ?? null, dockerignore: files?.dockerignore.split("\n") ?? null };
}

for (const name of readdirSync(FIXTURES).sort()) {
  const dir = path.join(FIXTURES, name);
  test(`build plan: ${name}`, () => {
    const actual = outcome(dir);
    const expectedFile = path.join(dir, "expected.json");
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_GOLDEN=1 and review it`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, "utf8")));
    if (name.endsWith("-fails")) assert.ok((actual as { failure?: string }).failure, "a -fails fixture must fail detection");
  });
}
