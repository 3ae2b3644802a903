import assert from "node:assert/strict";
import { test } from "node:test";
import { timestampNs } from "./container-logs";

test("Docker's timestamps become nanoseconds, whatever the length of their fraction", () => {
  assert.equal(timestampNs("2026-11-23T20:30:00Z"), 1795465800n * 1_000_000_000n);
  assert.equal(timestampNs("2026-11-23T20:30:00.5Z"), 1795465800n * 1_000_000_000n + 500_000_000n);
  assert.equal(timestampNs("2026-11-23T20:30:00.123456789Z"), 1795465800n * 1_000_000_000n + 123_456_789n);
  assert.ok(timestampNs("2026-11-23T20:30:00.1Z") > timestampNs("2026-11-23T20:30:00.099999999Z"));
  assert.equal(timestampNs("not a time"), 0n);
});
