import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { REPO_ROOT } from "../src/util/repo";
import { readPid } from "../src/util/supervisor";

const CLI = path.join(REPO_ROOT, "packages/platform/src/cli.ts");

function cli(args: string[], env: NodeJS.ProcessEnv = process.env, user?: string): Promise<{ code: number; output: string }> {
  const node = [process.execPath, "--import", "tsx", CLI, ...args];
  const [command, argv] = user ? ["runuser", ["-u", user, "--", ...node]] : [node[0]!, node.slice(1)];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** How many live processes have `marker` in their command line. */
function processesRunning(marker: string): number {
  let count = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue;
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker)) count++;
    } catch {
      /* it ended while we looked */
    }
  }
  return count;
}

/** A data directory of its own, so these failure cases never touch the running installation. */
function scratchInstallation(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "berth-bringup-"));
  return { dir, env: { ...process.env, BERTH_DATA_DIR: dir, BERTH_LOG_DIR: path.join(dir, "log") } };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe("bring-up on the real machine", () => {
  const scratch: string[] = [];
  after(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test("a second run is harmless: same processes, same admin password, nothing restarted", async () => {
    const config = loadConfig();
    const pids = ["redis", "registry", "web", "worker"].map((n) => readPid(path.join(config.dataDir, "run", `${n}.pid`)));
    assert.ok(pids.every((p) => p !== null), "the platform is up before this test (the test command runs bring-up first)");

    const again = await cli(["up"]);
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /^console: http/m);
    assert.match(again.output, /^api: http/m);
    assert.match(again.output, new RegExp(`^admin email: ${config.admin.email}$`, "m"));
    assert.match(again.output, new RegExp(`^admin password: ${config.admin.password}$`, "m"));
    assert.match(again.output, /kept existing secrets/);
    assert.doesNotMatch(again.output, /restarted|started on|installing/);
    const after = ["redis", "registry", "web", "worker"].map((n) => readPid(path.join(config.dataDir, "run", `${n}.pid`)));
    assert.deepEqual(after, pids);
    for (const marker of ["apps/worker/src/main.ts", "next-server", "redis-server", "docker-registry"]) {
      assert.equal(processesRunning(marker), 1, `exactly one ${marker} runs`);
    }
  });

  test("a port already taken is refused with the setting that moves it", async () => {
    const { dir, env } = scratchInstallation();
    scratch.push(dir);
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const result = await cli(["start", "redis"], { ...env, BERTH_REDIS_PORT: String(port) });
      assert.equal(result.code, 1, result.output);
      assert.match(result.output, new RegExp(`Port ${port}, which Redis needs, is already taken`));
      assert.match(result.output, /fix: .*BERTH_REDIS_PORT=<free port>/);
    } finally {
      blocker.close();
    }
  });

  test("a service that fails to start is reported with its log and a non-zero exit", async () => {
    const { dir, env } = scratchInstallation();
    scratch.push(dir);
    // Redis cannot open its append-only directory when a file sits where the directory should be.
    mkdirSync(path.join(dir, "redis"), { recursive: true });
    writeFileSync(path.join(dir, "redis", "appendonlydir"), "not a directory");
    const result = await cli(["start", "redis"], { ...env, BERTH_REDIS_PORT: String(await freePort()) });
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Redis (exited with code \d+|did not become ready)/);
    assert.match(result.output, /Last lines of .*redis\.log/);
    assert.match(result.output, /fix: Read .*redis\.log/);
  });

  test("bring-up as another user than root stops at once and says to use sudo", async (t) => {
    const readable = await cli(["--help"], process.env, "nobody");
    if (readable.code !== 0) {
      t.skip(`user nobody cannot read this checkout (${REPO_ROOT}), so it cannot run the CLI at all`);
      return;
    }
    const result = await cli(["up"], process.env, "nobody");
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /must run as root/);
    assert.match(result.output, /sudo bash scripts\/up\.sh/);
  });

  test("an unknown component is refused with the list of known ones", async () => {
    const result = await cli(["restart", "database"]);
    assert.equal(result.code, 1);
    assert.match(result.output, /one of: postgres, redis, registry, router, web, worker/);
  });
});
