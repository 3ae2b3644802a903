import assert from "node:assert/strict";
import { test } from "node:test";
import { containerCommand, healthcheckFor, PROBE_GAP_MS, planProcesses, processTypesOf } from "./process-plan";

const check = ["/berth/busybox", "sh", "/berth/check"];
// The documented defaults (DEFAULT_HEALTH): a check every second (paced by the check program, which
// gets the interval and the timeout as its first arguments), timeout 2 s, 3 retries, 20 s to
// start. Docker starts probes PROBE_GAP_MS apart and lets one run for its interval plus the
// timeout plus a second.
const timing = { startPeriodMs: 20_000, intervalMs: PROBE_GAP_MS, timeoutMs: 4_000, retries: 3 };

test("no Procfile means one web process running the image's own command", () => {
  assert.deepEqual(processTypesOf({}), { web: null });
  assert.deepEqual(processTypesOf(null), { web: null });
  assert.deepEqual(processTypesOf({ web: "npm start", worker: "node w.js", empty: " " }), { web: "npm start", worker: "node w.js" });
});

test("web is checked on its port by default; other types only when a check is set", () => {
  assert.deepEqual(healthcheckFor("web", undefined), { test: [...check, "1", "2", "tcp", "5000"], ...timing });
  assert.equal(healthcheckFor("worker", undefined), null);
  const http = { type: "web", path: "/healthz", expectedStatus: 204, bodyContains: "ok; rm -rf /", startPeriodSec: 5, intervalSec: 2, timeoutSec: 1, retries: 4 };
  // The body text is one argument of the fixed check program, never shell text.
  assert.deepEqual(healthcheckFor("web", http), {
    test: [...check, "2", "1", "http", "5000", "/healthz", "204", "ok; rm -rf /"],
    startPeriodMs: 5_000,
    intervalMs: PROBE_GAP_MS,
    timeoutMs: 4_000,
    retries: 4,
  });
  assert.deepEqual(healthcheckFor("worker", { ...http, type: "worker", path: null, bodyContains: null })?.test, [...check, "2", "1", "tcp", "5000"]);
});

test("the plan takes instances and limits from the formation, the tenant's caps as defaults, 0 when stopped, web first", () => {
  const plans = planProcesses({
    processTypes: { worker: "node w.js", web: "node s.js" },
    formations: [
      { type: "web", quantity: 3, cpu: 0.5, memoryMb: null },
      { type: "*", quantity: 1, cpu: 1, memoryMb: 256 },
    ],
    healthChecks: [],
    stopped: false,
  });
  assert.deepEqual(plans.map((p) => [p.type, p.replicas, p.cpu, p.memoryMb, p.routed]), [["web", 3, 0.5, null, true], ["worker", 1, 1, 256, false]]);
  const stopped = planProcesses({ processTypes: {}, formations: [{ type: "web", quantity: 3, cpu: null, memoryMb: null }], healthChecks: [], stopped: true });
  assert.equal(stopped[0]?.replicas, 0);
});

test("process type names that cannot be service names are refused with the rule", () => {
  assert.throws(() => planProcesses({ processTypes: { Web_1: "x" }, formations: [], healthChecks: [], stopped: false }), /lower-case letters, digits and hyphens/);
  assert.throws(() => planProcesses({ processTypes: { ["a".repeat(21)]: "x" }, formations: [], healthChecks: [], stopped: false }), /at most 20 characters/);
});

test("a Procfile line is passed unchanged, as one argument to the image's shell", () => {
  assert.deepEqual(containerCommand("bundle exec puma -p $PORT"), ["/bin/sh", "-c", "bundle exec puma -p $PORT"]);
  assert.equal(containerCommand(null), undefined);
});
