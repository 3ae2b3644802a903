import assert from "node:assert/strict";
import { test } from "node:test";
import { deriveAppStatus, lastDeployFailed } from "./app-status";

test("a deployment under way wins over everything else", () => {
  for (const status of ["received", "building", "pushing", "releasing", "deploying"]) {
    assert.equal(deriveAppStatus({ latestDeployment: { status }, hasCurrentRelease: true, runtime: { desired: 1, running: 0 } }), "deploying");
  }
});

test("without a release: new until a deployment fails, then failed", () => {
  assert.equal(deriveAppStatus({ latestDeployment: null, hasCurrentRelease: false, runtime: null }), "new");
  assert.equal(deriveAppStatus({ latestDeployment: { status: "failed" }, hasCurrentRelease: false, runtime: null }), "failed");
});

test("with a release, the runtime decides between live, crashed and stopped", () => {
  const base = { latestDeployment: { status: "live" }, hasCurrentRelease: true };
  assert.equal(deriveAppStatus({ ...base, runtime: { desired: 2, running: 1 } }), "live");
  assert.equal(deriveAppStatus({ ...base, runtime: { desired: 2, running: 0 } }), "crashed");
  assert.equal(deriveAppStatus({ ...base, runtime: { desired: 0, running: 0 } }), "stopped");
  assert.equal(deriveAppStatus({ ...base, runtime: null }), "live", "an unreachable runtime does not make an app look crashed");
});

test("a failed deploy over a serving release keeps the app live, with a warning", () => {
  assert.equal(deriveAppStatus({ latestDeployment: { status: "failed" }, hasCurrentRelease: true, runtime: { desired: 1, running: 1 } }), "live");
  assert.equal(lastDeployFailed({ status: "failed" }, true), true);
  assert.equal(lastDeployFailed({ status: "failed" }, false), false);
  assert.equal(lastDeployFailed({ status: "live" }, true), false);
});

test("the database's stopped and crashed marks count even when the runtime cannot be asked", () => {
  const base = { latestDeployment: { status: "live" }, hasCurrentRelease: true, runtime: null };
  assert.equal(deriveAppStatus({ ...base, stopped: true }), "stopped");
  assert.equal(deriveAppStatus({ ...base, crashed: true }), "crashed");
  assert.equal(deriveAppStatus({ ...base, crashed: true, latestDeployment: { status: "building" } }), "deploying", "a new deploy under way is what matters now");
});
