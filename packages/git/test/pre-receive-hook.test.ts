import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";

// The installed hook script on its own, against a real repository and a stand-in for the console's
// deploy endpoint (an HTTP server in this test): it is the hook's behaviour when the console
// answers, goes silent or dies that is under test here; real pushes are in git-push.test.ts.
const hook = path.resolve(import.meta.dirname, "../hook/pre-receive.mjs");
const work = mkdtempSync(path.join(os.tmpdir(), "berth-hook-test-"));
const repo = path.join(work, "repo");
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@b", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@b" };
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env: gitEnv, encoding: "utf8" }).trim();
let first = "";
let second = "";

before(() => {
  execFileSync("git", ["init", "--quiet", "--initial-branch=main", repo]);
  git("commit", "--quiet", "--allow-empty", "--message", "one");
  first = git("rev-parse", "HEAD");
  git("commit", "--quiet", "--allow-empty", "--message", "two");
  second = git("rev-parse", "HEAD");
});
after(() => rmSync(work, { recursive: true, force: true }));

type Console = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function runHook(stdin: string, answer: Console, env: Record<string, string> = {}) {
  const seen: { secret?: string; body?: string } = {};
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      seen.secret = String(req.headers["x-berth-hook-secret"]);
      seen.body = body;
      answer(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const archive = path.join(work, "sources", `${Math.random().toString(36).slice(2)}.tar`);
  const child = spawn(process.execPath, ["--input-type=module", "-e", `import(${JSON.stringify(hook)}).then((m) => m.main()).then((c) => process.exit(c))`], {
    cwd: repo,
    env: { ...gitEnv, BERTH_HOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/git-hook/deploy`, BERTH_HOOK_SECRET: "s3cret", BERTH_SOURCE_ARCHIVE: archive, ...env },
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end(stdin);
  const code = await new Promise<number>((r) => child.on("close", (c) => r(c ?? 1)));
  server.closeAllConnections();
  server.close();
  return { code, stderr, seen, archive };
}

test("packs the pushed commit, sends the secret in a header, relays the log and exits with the console's code", async () => {
  const zero = "0".repeat(40);
  const result = await runHook(`${zero} ${second} refs/heads/main\n`, (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("L -----> Building\nH\n");
    res.end("L Release v1 is live at http://x\nX 0\n");
  });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.seen.secret, "s3cret");
  assert.deepEqual(JSON.parse(result.seen.body ?? ""), { ref: "refs/heads/main", newSha: second });
  assert.ok(existsSync(result.archive), "the tree was archived where the console said");
  assert.match(result.stderr, /-----> Packing [0-9a-f]{7}\n-----> Building\nRelease v1 is live at http:\/\/x\n$/);
  assert.doesNotMatch(result.stderr, /s3cret/);
});

test("a console that dies mid-stream fails the push with a message instead of hanging", async () => {
  const result = await runHook(`${first} ${second} refs/heads/main\n`, (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("L -----> Building\n");
    setTimeout(() => res.socket?.destroy(), 100);
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /-----> Building\n! Lost the console while following the deploy/);
  assert.match(result.stderr, /may still finish in the worker/);
});

test("a console that goes silent (no heartbeat) fails the push after the read timeout", async () => {
  const result = await runHook(`${first} ${second} refs/heads/main\n`, (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("L -----> Building\n");
  }, { BERTH_HOOK_READ_TIMEOUT_MS: "700" });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /! Lost the console while following the deploy \(no word from it/);
});

test("a refusal from the console is shown and rejects the push", async () => {
  const result = await runHook(`${first} ${second} refs/heads/main\n`, (_req, res) => {
    res.writeHead(401, { "Content-Type": "text/plain" });
    res.end("Berth refused the hook's secret.\n");
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /! Berth refused the hook's secret\.\n! The console refused the deploy \(HTTP 401\)/);
});

test("a non-fast-forward push is refused before anything is packed or asked for", async () => {
  let asked = false;
  const result = await runHook(`${second} ${first} refs/heads/main\n`, (_req, res) => {
    asked = true;
    res.end("X 0\n");
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /refs\/heads\/main: non-fast-forward push refused/);
  assert.equal(asked, false);
  assert.equal(existsSync(result.archive), false);
});

test("other branches are stored without asking the console", async () => {
  let asked = false;
  const result = await runHook(`${"0".repeat(40)} ${second} refs/heads/feature\n`, (_req, res) => {
    asked = true;
    res.end("X 1\n");
  });
  assert.equal(result.code, 0);
  assert.match(result.stderr, /refs\/heads\/feature: stored, not deployed/);
  assert.equal(asked, false);
});
