import assert from "node:assert/strict";
import { test } from "node:test";
import { checkOutputs } from "./container-health";

test("a check cut short by the container stopping does not hide the one that failed", () => {
  const log = [
    { Output: "GET /health answered HTTP 500, expected 200\n", ExitCode: 1 },
    { Output: "", ExitCode: 137 },
  ];
  assert.deepEqual(checkOutputs(log), ["GET /health answered HTTP 500, expected 200 (exit 1)"]);
});

test("Docker's own timeout and a silent failing check are kept", () => {
  const log = [
    { Output: "Health check exceeded timeout (3s)", ExitCode: -1 },
    { Output: "", ExitCode: 1 },
  ];
  assert.deepEqual(checkOutputs(log), ["Health check exceeded timeout (3s) (exit -1)", "(no output) (exit 1)"]);
});
