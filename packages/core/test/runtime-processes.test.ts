import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { execInContainer } from "@berth/docker/exec-in-container";
import { containerLogTail, listServiceNames, listServiceTasks } from "@berth/docker/services";
import { httpRequest } from "@berth/router/http-request";
import { askRouterForHost } from "@berth/router/probe";
import { applyReleaseService } from "../src/deployments/apply-release-service";
import { DeploymentFailure } from "../src/deployments/deployment-failure";
import { processServiceName } from "../src/deployments/runtime-names";
import { routeTableFromDb } from "../src/deployments/sync-routes";
import { waitForRelease } from "../src/deployments/wait-for-release";
import { setTenantQuota } from "../src/quotas/tenant-quota";
import { checkCrashes, CRASHES_TO_MARK } from "../src/runtime/check-crashes";
import { listProcesses, type ProcessList } from "../src/runtime/list-processes";
import { readRuntimeLogs } from "../src/runtime/read-runtime-logs";
import { restartProcesses } from "../src/runtime/restart-processes";
import { scaleProcesses } from "../src/runtime/scale-processes";
import { startApp, stopApp } from "../src/runtime/stop-start-app";
import { createRuntimeFixture, PROCFILE_TYPES, type RuntimeFixture } from "./support/runtime-fixture";
import { refusal } from "./helpers";
import { eventually } from "./support/eventually";

/**
 * Process types, scaling, restarts, stop/start, crash handling, runtime logs and quotas against the
 * real Swarm, router and PostgreSQL. The app has a Procfile with web and worker.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const deps = { db, config, docker };
let fx: RuntimeFixture;

const ps = () => listProcesses(deps, fx.ref);
const proc = (list: ProcessList, type: string) => list.processes.find((p) => p.type === type);
const healthyWeb = (list: ProcessList) => proc(list, "web")?.instances.filter((i) => i.state === "running" && i.health === "healthy") ?? [];

before(async () => {
  fx = await createRuntimeFixture(deps, "procs");
  const release = await fx.release({ processTypes: PROCFILE_TYPES, config: { GREETING: "procs" } });
  await waitForRelease(docker, config, { appId: fx.app.id, releaseId: release.id, host: fx.host, timeoutMs: 120_000, signal: AbortSignal.timeout(130_000) });
});

after(async () => {
  await fx?.cleanup();
  await db.$disconnect();
});

describe("process types", () => {
  test("web and worker each run as a service; only web is routed", async () => {
    const list = await eventually("both types running", async () => {
      const l = await ps();
      return healthyWeb(l).length === 1 && proc(l, "worker")?.instances.some((i) => i.state === "running") ? l : undefined;
    });
    assert.equal(list.state, "running");
    assert.deepEqual(list.processes.map((p) => [p.type, p.command, p.routed]), [["web", PROCFILE_TYPES.web, true], ["worker", PROCFILE_TYPES.worker, false]]);
    assert.equal(proc(list, "worker")?.instances[0]?.health, "none", "a worker has no default health check");
    const route = (await routeTableFromDb(db, config)).routes.find((r) => r.id === fx.app.id);
    assert.deepEqual(route?.upstreams, [{ dial: `${processServiceName(fx.app.id, "web")}:5000`, eachAddress: true }]);
    const answer = await askRouterForHost(config.router.url, fx.host);
    assert.match(answer.body, /^hello procs from /);
    const logs = await readRuntimeLogs(deps, { ...fx.ref, type: "worker", tail: 50 });
    assert.ok(logs.lines.some((l) => l.line === "worker started" && l.instance.startsWith("worker.")), "the worker's own command runs");
  });

  test("scale web to 3 and back to 1; ps shows the instances", async () => {
    const formation = await scaleProcesses(deps, { ...fx.ref, changes: [{ type: "web", quantity: 3 }] });
    assert.deepEqual(formation.find((f) => f.type === "web"), { type: "web", quantity: 3, cpu: null, memoryMb: null });
    const three = await eventually("3 healthy web instances", async () => {
      const l = await ps();
      return healthyWeb(l).length === 3 ? l : undefined;
    });
    assert.equal(proc(three, "web")?.quantity, 3);
    const hosts = new Set<string>();
    await eventually("answers from all 3 instances", async () => {
      hosts.add((await askRouterForHost(config.router.url, fx.host)).body);
      return hosts.size === 3;
    });
    await scaleProcesses(deps, { ...fx.ref, changes: [{ type: "web", quantity: 1 }] });
    const one = await eventually("1 web instance", async () => {
      const l = await ps();
      return proc(l, "web")?.instances.length === 1 ? l : undefined;
    });
    assert.equal(proc(one, "web")?.quantity, 1);
  });

  test("an unknown process type or a bad count is refused with what to do", async () => {
    const unknown = await refusal(scaleProcesses(deps, { ...fx.ref, changes: [{ type: "clock", quantity: 1 }] }));
    assert.match(unknown.userMessage, /no process type "clock"; it has web, worker/);
    const negative = await refusal(scaleProcesses(deps, { ...fx.ref, changes: [{ type: "web", quantity: -1 }] }));
    assert.match(negative.userMessage, /whole number from 0/);
  });
});

describe("instances are replaced", () => {
  test("a killed web container is replaced and the app keeps answering with two instances", async () => {
    await scaleProcesses(deps, { ...fx.ref, changes: [{ type: "web", quantity: 2 }] });
    await eventually("2 healthy web instances", async () => healthyWeb(await ps()).length === 2);
    const victim = (await listServiceTasks(docker, processServiceName(fx.app.id, "web"))).find((t) => t.state === "running" && t.containerId);
    assert.ok(victim?.containerId);
    let ok = 0;
    const failures: Array<{ startedAt: number; what: string }> = [];
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const startedAt = Date.now();
        try {
          const a = await askRouterForHost(config.router.url, fx.host, 10_000);
          if (a.status === 200) ok++;
          else failures.push({ startedAt, what: `HTTP ${a.status}` });
        } catch (err) {
          failures.push({ startedAt, what: String(err) });
        }
      }
    })();
    await docker.getContainer(victim.containerId).kill();
    // When Swarm has seen the instance die, it is out of the service's DNS name.
    let noticedAt = Infinity;
    await eventually("the killed instance replaced", async () => {
      const task = (await listServiceTasks(docker, processServiceName(fx.app.id, "web"))).find((t) => t.id === victim.id);
      if (task?.state !== "running") noticedAt = Math.min(noticedAt, Date.now());
      const l = await ps();
      return healthyWeb(l).length === 2 && !healthyWeb(l).some((i) => victim.id.startsWith(i.id));
    });
    const okBeforeEnd = ok;
    await eventually("more answers after the replacement", async () => ok > okBeforeEnd + 10);
    stop = true;
    await load;
    // A request dialled to the instance in the instant it died can still fail (Caddy 2.6 answered
    // 502 after a 3 s dial timeout in about 1 of 1,000 runs); none may fail once Swarm knows.
    console.log(`# ${ok + failures.length} requests while an instance was killed: ${failures.length} failed (${failures.map((f) => f.what).join(", ") || "none"})`);
    const late = failures.filter((f) => f.startedAt > noticedAt);
    assert.deepEqual(late, [], "requests sent after Swarm saw the instance die all succeed");
    assert.ok(failures.every((f) => f.what === "HTTP 502"), `only the proxy's "bad gateway" for the dead instance: ${failures.map((f) => f.what).join(", ")}`);
  });

  test("restart replaces every instance while slow in-flight requests finish; stop runs none and start brings them back", async () => {
    const before = new Set(healthyWeb(await ps()).map((i) => i.id));
    // Requests that take a second each, several at once, across the whole rolling restart: an old
    // instance leaves DNS first, then gets SIGTERM and finishes what it is serving.
    let stop = false;
    let ok = 0;
    const failures: string[] = [];
    const slow = async () => {
      while (!stop) {
        try {
          const a = await httpRequest(new URL("/slow", config.router.url).toString(), { headers: { Host: fx.host }, timeoutMs: 15_000 });
          if (a.status === 200 && a.body.startsWith("slow ")) ok++;
          else failures.push(`HTTP ${a.status} ${a.body.slice(0, 80)}`);
        } catch (err) {
          failures.push(String(err));
        }
      }
    };
    const load = Promise.all([slow(), slow(), slow(), slow()]);
    assert.deepEqual(await restartProcesses(deps, { ...fx.ref, type: "web" }), { restarted: ["web"] });
    await eventually("all web instances replaced", async () => {
      const now = healthyWeb(await ps());
      return now.length === 2 && now.every((i) => !before.has(i.id));
    });
    // The last old instance is still finishing its requests and stopping after it left DNS.
    await eventually("old instances gone", async () => {
      const tasks = await listServiceTasks(docker, processServiceName(fx.app.id, "web"));
      return tasks.filter((t) => t.state === "running").length === 2;
    });
    stop = true;
    await load;
    assert.ok(ok > 0);
    assert.deepEqual(failures, [], `${failures.length} of ${ok + failures.length} slow requests failed during the rolling restart`);
    await stopApp(deps, fx.ref);
    const stopped = await eventually("no instances", async () => {
      const l = await ps();
      return l.processes.every((p) => p.instances.length === 0) ? l : undefined;
    });
    assert.equal(stopped.state, "stopped");
    const answer = await httpRequest(new URL("/", config.router.url).toString(), { headers: { Host: fx.host }, timeoutMs: 10_000 });
    assert.equal(answer.status, 503);
    assert.equal(answer.headers["x-berth-router"], "app-stopped");
    assert.match(answer.body, /This app is stopped/);
    assert.deepEqual(stopped.processes.map((p) => p.quantity), [0, 0]);
    await startApp(deps, fx.ref);
    const started = await eventually("instances back", async () => {
      const l = await ps();
      return healthyWeb(l).length === 2 && proc(l, "worker")?.instances.length === 1 ? l : undefined;
    });
    assert.equal(started.state, "running");
    assert.match((await askRouterForHost(config.router.url, fx.host)).body, /^hello procs/);
  });

  test(`an app that keeps crashing is marked crashed with its last logs and stays routed`, async () => {
    for (let i = 0; i < CRASHES_TO_MARK; i++) {
      const task = (await listServiceTasks(docker, processServiceName(fx.app.id, "worker"))).find((t) => t.state === "running" && t.containerId);
      assert.ok(task?.containerId, "a running worker instance");
      await docker.getContainer(task.containerId).kill();
      // Replaced, and the new instance has started its program (killing it before would leave no log).
      await eventually("the worker instance replaced", async () => {
        const tasks = await listServiceTasks(docker, processServiceName(fx.app.id, "worker"));
        const next = tasks.find((t) => t.state === "running" && t.id !== task.id && t.containerId);
        return next?.containerId && (await containerLogTail(docker, next.containerId, 5)).includes("worker started");
      });
    }
    // The platform's worker runs the same check every 30 s and may have marked it already.
    await checkCrashes({ db, docker });
    const list = await ps();
    assert.equal(list.state, "crashed");
    assert.match(list.crash?.reason ?? "", /instances of the worker process stopped/);
    assert.match(list.crash?.reason ?? "", /worker (started|tick)/, "the reason carries the container's last log lines");
    assert.match((await askRouterForHost(config.router.url, fx.host)).body, /^hello procs/, "still answering");

    // A new release is a fix attempt: once it runs without losing an instance, the mark goes.
    const next = await fx.release({ processTypes: PROCFILE_TYPES, config: { GREETING: "procs" } });
    await waitForRelease(docker, config, { appId: fx.app.id, releaseId: next.id, host: fx.host, timeoutMs: 120_000, signal: AbortSignal.timeout(130_000) });
    await checkCrashes({ db, docker });
    const after = await ps();
    assert.equal(after.state, "running");
    assert.equal(after.crash, null);
  });
});

/** Runs the mounted check program inside a container, as Docker's health check does (exec form, no shell of ours). */
function runCheck(containerId: string, args: string[], timeoutMs?: number): Promise<{ exitCode: number; output: string }> {
  return runIn(containerId, ["/berth/busybox", "sh", "/berth/check", ...args], timeoutMs);
}

/** A program run in the container (exec form); its exit code and standard output. */
async function runIn(containerId: string, cmd: string[], timeoutMs = 30_000): Promise<{ exitCode: number; output: string }> {
  const { exitCode, stdout } = await execInContainer(docker, containerId, cmd, timeoutMs);
  return { exitCode, output: stdout.trim() };
}

describe("the health check program", () => {
  test("checks TCP, HTTP status and body text inside an image that has no curl", async () => {
    const task = (await listServiceTasks(docker, processServiceName(fx.app.id, "web"))).find((t) => t.state === "running" && t.containerId);
    assert.ok(task?.containerId);
    const id = task.containerId;
    // The arguments start with the interval and the timeout in seconds; this instance has passed
    // before, so each run waits the interval out once.
    assert.deepEqual(await runCheck(id, ["1", "2", "tcp", "5000"]), { exitCode: 0, output: "port 5000 accepts connections" });
    assert.equal((await runCheck(id, ["1", "2", "tcp", "5999"])).exitCode, 1);
    assert.deepEqual(await runCheck(id, ["1", "2", "http", "5000", "/health", "200", "health 200"]), { exitCode: 0, output: "GET /health answered HTTP 200" });
    assert.deepEqual(await runCheck(id, ["1", "2", "http", "5000", "/health", "204"]), { exitCode: 1, output: "GET /health answered HTTP 200, expected 204" });
    assert.deepEqual(await runCheck(id, ["1", "2", "http", "5000", "/health", "200", "'; exit 0; '"]), {
      exitCode: 1,
      output: "GET /health answered HTTP 200 but the body does not contain the expected text",
    });
  });

  test("remembers in the container's own tmpfs that the instance passed, and paces itself from that", async () => {
    const task = (await listServiceTasks(docker, processServiceName(fx.app.id, "web"))).find((t) => t.state === "running" && t.containerId);
    assert.ok(task?.containerId);
    const id = task.containerId;
    // Docker's own probes marked the healthy instance; the mark lives in a tmpfs, not on the host.
    assert.equal((await runIn(id, ["/berth/busybox", "test", "-e", "/berth/state/passed"])).exitCode, 0);
    assert.match((await runIn(id, ["/berth/busybox", "grep", " /berth/state ", "/proc/mounts"])).output, /^tmpfs /);
    assert.equal(existsSync(path.join(config.dataDir, "healthcheck", "state", "passed")), false);

    // A fresh instance of the same image with the same mounts, and no Docker health check of its own
    // racing these runs: until it passed once, a failing check retries for its interval, then fails
    // with the reason…
    const fresh = await docker.createContainer({
      Image: task.image,
      Env: ["PORT=5000", "GREETING=fresh"],
      HostConfig: {
        Init: true,
        Mounts: [
          { Type: "bind", Source: path.join(config.dataDir, "healthcheck"), Target: "/berth", ReadOnly: true },
          { Type: "tmpfs", Source: "", Target: "/berth/state", TmpfsOptions: { SizeBytes: 65536, Mode: 0o1777 } },
        ],
      },
    });
    try {
      await fresh.start();
      assert.equal((await runIn(fresh.id, ["/berth/busybox", "test", "-e", "/berth/state/passed"])).exitCode, 1);
      assert.deepEqual(await runCheck(fresh.id, ["1", "2", "tcp", "5999"]), { exitCode: 1, output: "nothing accepts connections on port 5999 (the app must listen on 0.0.0.0:$PORT)" });
      assert.equal((await runIn(fresh.id, ["/berth/busybox", "test", "-e", "/berth/state/passed"])).exitCode, 1);
      // The retry window is the interval by the clock, not a number of tries: an app that takes a
      // second to answer wrongly still gets its reason reported before Docker's own limit for these
      // arguments (interval + timeout + 1 s = 4 s) would kill the probe and lose it.
      assert.deepEqual(await runCheck(fresh.id, ["1", "2", "http", "5000", "/slow", "204"], 4_000), { exitCode: 1, output: "GET /slow answered HTTP 200, expected 204" });
      // …and the first pass is recorded, so later probes wait out the interval instead of polling.
      assert.deepEqual(await runCheck(fresh.id, ["1", "2", "tcp", "5000"]), { exitCode: 0, output: "port 5000 accepts connections" });
      assert.equal((await runIn(fresh.id, ["/berth/busybox", "test", "-e", "/berth/state/passed"])).exitCode, 0);
    } finally {
      await fresh.remove({ force: true });
    }
    // Each check gets the timeout given after the interval, and says when it ran out.
    assert.deepEqual(await runCheck(id, ["1", "1", "http", "5000", "/hang", "200"]), { exitCode: 1, output: "GET /hang did not answer within 1 s" });
    assert.deepEqual(await runCheck(id, ["1", "2", "http", "5000", "/slow", "200"]), { exitCode: 0, output: "GET /slow answered HTTP 200" });
    // Instances started by an older Berth pass no interval or no timeout; the same program must still check them.
    assert.deepEqual(await runCheck(id, ["1", "tcp", "5000"]), { exitCode: 0, output: "port 5000 accepts connections" });
    assert.deepEqual(await runCheck(id, ["tcp", "5000"]), { exitCode: 0, output: "port 5000 accepts connections" });
    assert.deepEqual(await runCheck(id, ["http", "5000", "/health", "204"]), { exitCode: 1, output: "GET /health answered HTTP 200, expected 204" });
  });
});

describe("runtime logs", () => {
  test("a follow (long poll) returns a line the app prints after it started", async () => {
    const first = await readRuntimeLogs(deps, { ...fx.ref, tail: 5 });
    const marker = `marker-${Date.now()}`;
    // Follow as `berth logs --tail` does: page after page (the worker prints every second, so a page
    // may come back with only its lines), until the marker shows up.
    const follow = (async () => {
      let cursor = first.cursor;
      for (let pages = 0; pages < 100; pages++) {
        const page = await readRuntimeLogs(deps, { ...fx.ref, after: cursor, waitMs: 20_000 });
        const hit = page.lines.find((l) => l.line === marker);
        if (hit) return { hit, cursor: page.cursor };
        cursor = page.cursor;
      }
      return null;
    })();
    await new Promise((r) => setTimeout(r, 1_000));
    const said = await httpRequest(new URL(`/say?line=${marker}`, config.router.url).toString(), { headers: { Host: fx.host }, timeoutMs: 10_000 });
    assert.equal(said.status, 200);
    const page = await follow;
    assert.ok(page, "the marker line was streamed");
    assert.match(page.hit.instance, /^web\./);
    assert.ok(BigInt(page.cursor) > BigInt(first.cursor));
  });
});

describe("quotas", () => {
  test("maxReplicas, maxCpuPerInstance and maxMemoryMbPerInstance refuse with a message naming the quota", async () => {
    await setTenantQuota(db, { tenant: fx.tenant.name, maxReplicas: 3, maxCpuPerInstance: 0.5, maxMemoryMbPerInstance: 256 });
    try {
      const replicas = await refusal(scaleProcesses(deps, { ...fx.ref, changes: [{ type: "web", quantity: 3 }] }));
      assert.equal(replicas.code, "FORBIDDEN");
      assert.match(replicas.userMessage, /maxReplicas = 3/);
      const cpu = await refusal(scaleProcesses(deps, { ...fx.ref, changes: [{ type: "web", cpu: 1 }] }));
      assert.match(cpu.userMessage, /maxCpuPerInstance = 0.5/);
      const memory = await refusal(scaleProcesses(deps, { ...fx.ref, changes: [{ type: "worker", memoryMb: 512 }] }));
      assert.match(memory.userMessage, /maxMemoryMbPerInstance = 256/);
      // A new release whose Procfile adds a type (one more instance) is refused before anything changes.
      const current = await db.app.findUniqueOrThrow({ where: { id: fx.app.id }, select: { currentRelease: true } });
      const bigger = await db.release.create({
        data: { appId: fx.app.id, version: 50, kind: "build", imageRef: current.currentRelease!.imageRef, imageDigest: fx.imageDigest, config: {}, description: "adds clock", processTypes: { ...PROCFILE_TYPES, clock: "node /app/worker.js" } },
      });
      await assert.rejects(
        applyReleaseService(deps, fx.app, { id: bigger.id, imageDigest: fx.imageDigest, config: {} }),
        (err: Error) => err instanceof DeploymentFailure && /maxReplicas = 3/.test(err.message) && /clock=1/.test(err.message),
      );
      assert.deepEqual(await listServiceNames(docker, { "org.berth.app-id": fx.app.id }), [processServiceName(fx.app.id, "web"), processServiceName(fx.app.id, "worker")]);
      const within = await scaleProcesses(deps, { ...fx.ref, changes: [{ type: "web", quantity: 2, cpu: 0.25, memoryMb: 128 }] });
      assert.deepEqual(within.find((f) => f.type === "web"), { type: "web", quantity: 2, cpu: 0.25, memoryMb: 128 });
      const spec = (await docker.getService(processServiceName(fx.app.id, "worker")).inspect()) as { Spec: { TaskTemplate: { Resources: { Limits: { NanoCPUs?: number; MemoryBytes?: number } } } } };
      assert.deepEqual(spec.Spec.TaskTemplate.Resources.Limits, { NanoCPUs: 500_000_000, MemoryBytes: 256 * 1024 * 1024 }, "an instance without limits of its own gets the tenant's caps");
    } finally {
      await setTenantQuota(db, { tenant: fx.tenant.name, maxReplicas: null, maxCpuPerInstance: null, maxMemoryMbPerInstance: null });
    }
  });
});
