import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { BaseImageNames } from "../src/kinds";
import { planBaseImages } from "../src/plan";

const berth: BaseImageNames = {
  debian: "berth/debian:bookworm",
  node: "berth/node:bookworm",
  python: "berth/python:bookworm",
  go: "berth/go:bookworm",
  static: "berth/static:bookworm",
};
const actions = (steps: ReturnType<typeof planBaseImages>) => steps.map((s) => `${s.kind}:${s.action}${s.dependency ? "*" : ""}`);

describe("planBaseImages", () => {
  test("builds everything on a fresh engine, Debian first", () => {
    assert.deepEqual(actions(planBaseImages({ images: berth, present: new Set() })), [
      "debian:build",
      "node:build",
      "python:build",
      "go:build",
      "static:build",
    ]);
  });

  test("skips what is present", () => {
    const present = new Set(Object.values(berth));
    assert.ok(planBaseImages({ images: berth, present }).every((s) => s.action === "skip"));
  });

  test("builds only what is missing", () => {
    const present = new Set([berth.debian, berth.node, berth.go]);
    assert.deepEqual(actions(planBaseImages({ images: berth, present })), [
      "debian:skip",
      "node:skip",
      "python:build",
      "go:skip",
      "static:build",
    ]);
  });

  test("rebuild rebuilds present Berth images and re-pulls public ones", () => {
    const images = { ...berth, node: "node:20-bookworm" };
    const present = new Set(Object.values(images));
    assert.deepEqual(actions(planBaseImages({ images, present, rebuild: true })), [
      "debian:build",
      "node:pull",
      "python:build",
      "go:build",
      "static:build",
    ]);
  });

  test("public images are pulled, never built", () => {
    const images = { ...berth, python: "python:3.12-slim", debian: "debian:bookworm-slim" };
    assert.deepEqual(actions(planBaseImages({ images, present: new Set([berth.node, berth.go, berth.static]) })), [
      "debian:pull",
      "node:skip",
      "python:pull",
      "go:skip",
      "static:skip",
    ]);
  });

  test("a kind filter adds the Debian base only when a requested build needs it", () => {
    assert.deepEqual(actions(planBaseImages({ images: berth, present: new Set(), kinds: ["node"] })), ["debian:build*", "node:build"]);
    assert.deepEqual(actions(planBaseImages({ images: berth, present: new Set([berth.debian]), kinds: ["node"], rebuild: true })), [
      "node:build",
    ]);
    const publicNode = { ...berth, node: "node:20" };
    assert.deepEqual(actions(planBaseImages({ images: publicNode, present: new Set(), kinds: ["node"] })), ["node:pull"]);
  });
});
