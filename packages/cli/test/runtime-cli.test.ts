import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { waitForRelease } from "@berth/core/deployments/wait-for-release";
import { setTenantQuota } from "@berth/core/quotas/tenant-quota";
import { createApiToken } from "@berth/core/tokens/api-token";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { httpRequest } from "@berth/router/http-request";
import { createRuntimeFixture, PROCFILE_TYPES, type RuntimeFixture } from "../../core/test/support/runtime-fixture";
import { BERTH_BIN, runBerth } from "./support/run-berth";

/**
 * `berth ps / scale / logs --tail / healthcheck` as a user runs them: the real binary against the
 * running console, on an app running in the real Swarm behind the real router.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const docker = connectDocker(config.docker.socketPath);
const home = mkdtempSync(path.join(os.tmpdir(), "berth-cli-runtime-"));
let fx: RuntimeFixture;
let env: NodeJS.ProcessEnv;

function berth(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runBerth(args, env);
}

before(async () => {
  fx = await createRuntimeFixture({ db, docker, config }, "cli");
  const release = await fx.release({ processTypes: PROCFILE_TYPES, config: { GREETING: "cli" } });
  await waitForRelease(docker, config, { appId: fx.app.id, releaseId: release.id, host: fx.host, timeoutMs: 120_000, signal: AbortSignal.timeout(130_000) });
  const { token } = await createApiToken(db, { userId: fx.ref.userId, name: "runtime cli test" });
  const { BERTH_API_URL: _a, BERTH_TOKEN: _t, BERTH_TENANT: _n, ...rest } = process.env;
  env = { ...rest, XDG_CONFIG_HOME: home, BERTH_API_URL: config.web.publicUrl, BERTH_TOKEN: token, BERTH_TENANT: fx.tenant.name };
});

after(async () => {
  await fx?.cleanup();
  await db.$disconnect();
  rmSync(home, { recursive: true, force: true });
});

test("ps lists both process types with their instances; scale changes the formation", async () => {
  const ps = await berth(["ps", fx.app.name]);
  assert.equal(ps.code, 0, ps.stderr);
  assert.match(ps.stdout, new RegExp(`^${fx.app.name}: running \\(release v1\\)`));
  assert.match(ps.stdout, /=== web \(1 wanted, routed\): node \/app\/server\.js/);
  assert.match(ps.stdout, /=== worker \(1 wanted\): node \/app\/worker\.js/);
  assert.match(ps.stdout, /INSTANCE\s+STATE\s+HEALTH\s+RELEASE\s+AGE/);
  assert.match(ps.stdout, /running\s+healthy\s+v1/);

  const scaled = await berth(["scale", fx.app.name, "web=2", "worker=0"]);
  assert.equal(scaled.code, 0, scaled.stderr);
  assert.match(scaled.stdout, /^web=2$/m);
  assert.match(scaled.stdout, /^worker=0$/m);
  const json = JSON.parse((await berth(["ps", fx.app.name, "--json"])).stdout) as { processes: Array<{ type: string; quantity: number }> };
  assert.deepEqual(json.processes.map((p) => [p.type, p.quantity]), [["web", 2], ["worker", 0]]);
});

test("a quota is refused with a message naming it; bad arguments say what to type", async () => {
  await setTenantQuota(db, { tenant: fx.tenant.name, maxMemoryMbPerInstance: 256 });
  try {
    const refused = await berth(["scale", fx.app.name, "web", "--memory", "1024"]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^berth: Quota exceeded: .*maxMemoryMbPerInstance = 256/);
  } finally {
    await setTenantQuota(db, { tenant: fx.tenant.name, maxMemoryMbPerInstance: null });
  }
  const bad = await berth(["scale", fx.app.name, "web=lots"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /is not TYPE=N/);
});

test("healthcheck:set switches web to an HTTP check and healthcheck shows it", async () => {
  const set = await berth(["healthcheck:set", fx.app.name, "web", "--path", "/health", "--status", "200", "--interval", "2"]);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /^web: GET \/health answers 200; every 2 s/);
  const list = await berth(["healthcheck", fx.app.name]);
  assert.match(list.stdout, /web\s+GET \/health answers 200/);
  assert.match(list.stdout, /worker\s+none/);
  const reset = await berth(["healthcheck:set", fx.app.name, "web", "--reset"]);
  assert.match(reset.stdout, /^web: accepts TCP connections on \$PORT \(default\)/);
});

test("logs --tail streams a line the app prints after the stream started", async () => {
  const marker = `cli-marker-${Date.now()}`;
  const child = spawn(BERTH_BIN, ["logs", fx.app.name, "--tail", "--num", "1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const seen = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      const line = stdout.split("\n").find((l) => l.includes(marker));
      if (line) resolve(line);
    });
    child.on("close", (code) => reject(new Error(`berth logs exited ${code}: ${stderr}`)));
  });
  try {
    // The first page (the last line of each instance) comes before the marker is printed.
    for (let i = 0; i < 100 && !stdout; i++) await new Promise((r) => setTimeout(r, 200));
    assert.ok(stdout, `logs printed its first page: ${stderr}`);
    const said = await httpRequest(new URL(`/say?line=${marker}`, config.router.url).toString(), { headers: { Host: fx.host }, timeoutMs: 10_000 });
    assert.equal(said.status, 200);
    const line = await seen;
    assert.match(line, new RegExp(`^\\S+ web\\.[a-z0-9]+: ${marker}$`));
  } finally {
    child.kill("SIGINT");
  }
});
