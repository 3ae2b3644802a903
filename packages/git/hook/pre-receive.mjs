// git's pre-receive hook for app repositories, in plain JavaScript with only node: built-ins, so a
// push pays for a bare `node` start (tens of ms) rather than tsx + config + Prisma + BullMQ
// (seconds). It does the git-only work here, where receive-pack's quarantine environment makes the
// pushed objects readable, and hands the deployment to the console process that spawned it:
//
//   stdin (ref updates) ─► pick main/master ─► refuse non-fast-forward ─► git archive ─►
//   POST BERTH_HOOK_URL (one-time secret) ─► copy the streamed log to stderr ─► exit code
//
// git relays stderr to the pusher as `remote:` lines; exit 1 rejects the push, so the branch only
// moves when the commit is serving. Installed by packages/git/src/bare-repo.ts.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const DEPLOY_REFS = ["refs/heads/main", "refs/heads/master"];
const ZERO = /^0+$/;
/** The console writes a heartbeat line every few seconds; this much silence means it is gone. */
const READ_TIMEOUT_MS = Number(process.env.BERTH_HOOK_READ_TIMEOUT_MS) || 30_000;

const say = (line) => process.stderr.write(`${line}\n`);
const step = (line) => say(`-----> ${line}`);

/** `<old> <new> <ref>` lines from receive-pack. */
export function parseRefUpdates(input) {
  return input
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts.length === 3)
    .map(([oldSha, newSha, ref]) => ({ oldSha, newSha, ref }));
}

/** The update that deploys: main if pushed, else master; deletions never deploy. */
export function pickDeployUpdate(updates) {
  for (const ref of DEPLOY_REFS) {
    const update = updates.find((u) => u.ref === ref && !ZERO.test(u.newSha));
    if (update) return update;
  }
  return null;
}

/** git with an argument array (never a shell), inheriting receive-pack's environment. */
function runGit(args) {
  return new Promise((resolve) => {
    const child = spawn("git", args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (err) => resolve({ code: 1, stderr: err.message }));
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

async function readStdin() {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

export async function main() {
  // A pusher who hangs up closes our stderr; the deployment carries on in the worker without us.
  process.stderr.on("error", () => process.exit(1));
  const updates = parseRefUpdates(await readStdin());
  const update = pickDeployUpdate(updates);
  for (const u of updates) {
    if (u !== update && !ZERO.test(u.newSha)) say(`${u.ref}: stored, not deployed (only main or master deploy).`);
  }
  if (!update) return 0;

  // git checks receive.denyNonFastForwards only AFTER this hook has run, so a rewrite of main
  // would be built and deployed before git refused to move the branch. Refuse it here, first.
  for (const u of updates) {
    if (ZERO.test(u.oldSha) || ZERO.test(u.newSha)) continue;
    const ancestor = await runGit(["merge-base", "--is-ancestor", u.oldSha, u.newSha]);
    if (ancestor.code !== 0) {
      say(`! ${u.ref}: non-fast-forward push refused: it would rewrite history that was pushed before.`);
      say("! Pull (or rebase on) the branch first, then push again. Nothing was deployed.");
      return 1;
    }
  }

  const { BERTH_HOOK_URL: url, BERTH_HOOK_SECRET: secret, BERTH_SOURCE_ARCHIVE: archive } = process.env;
  if (!url || !secret || !archive) {
    say("This push did not come through Berth's git endpoint; nothing was deployed.");
    return 1;
  }

  step(`Packing ${update.newSha.slice(0, 7)}`);
  mkdirSync(path.dirname(archive), { recursive: true });
  // The pushed objects are still in the quarantine directory; git archive sees them through the
  // environment receive-pack gave this hook.
  const packed = await runGit(["archive", "--format=tar", `--output=${archive}`, update.newSha]);
  if (packed.code !== 0) {
    rmSync(archive, { force: true });
    say(`! Could not read the pushed tree: ${packed.stderr.trim()}`);
    return 1;
  }
  return followDeploy(url, secret, update);
}

/**
 * Asks the console to deploy and copies its streamed answer to stderr. The body is lines:
 * `L <log line>`, `H` (heartbeat, keeps the read timeout from firing while a step is quiet) and a
 * last `X <exit code>`. Anything else ending the stream (console restarted, connection dropped,
 * silence) fails the push with a message: the deployment may still finish in the worker.
 */
function followDeploy(url, secret, update) {
  const lost = (why) => {
    say(`! Lost the console while following the deploy (${why}).`);
    say("! The deployment may still finish in the worker; follow it with `berth apps:info` or the console.");
    say("! The push was rejected; push again to be sure the branch matches what is serving.");
    return 1;
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (code) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      req.destroy();
      resolve(code);
    };
    // receive-pack is gone (the pusher hung up and the console stopped it): nobody is listening and
    // the ref will not be updated, but the deployment itself carries on in the worker.
    // After the last line, the connection closing is expected, not news for the pusher.
    const fail = (why) => {
      if (!settled) finish(lost(why));
    };
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) finish(1);
    }, 500);

    const body = JSON.stringify({ ref: update.ref, newSha: update.newSha });
    const req = http.request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "X-Berth-Hook-Secret": secret },
      timeout: READ_TIMEOUT_MS,
    });
    req.on("timeout", () => fail(`no word from it for ${Math.round(READ_TIMEOUT_MS / 1000)} s`));
    req.on("error", (err) => fail(err.code ?? err.message));
    req.on("response", (res) => {
      res.setEncoding("utf8");
      if (res.statusCode !== 200) {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => {
          for (const line of text.trim().split("\n")) if (line) say(`! ${line}`);
          say(`! The console refused the deploy (HTTP ${res.statusCode}); nothing was deployed.`);
          finish(1);
        });
        res.on("error", (err) => fail(err.code ?? err.message));
        return;
      }
      let buffered = "";
      res.on("data", (chunk) => {
        buffered += chunk;
        let nl;
        while ((nl = buffered.indexOf("\n")) !== -1) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line.startsWith("L ")) say(line.slice(2));
          else if (line.startsWith("X ")) return finish(Number.parseInt(line.slice(2), 10) === 0 ? 0 : 1);
          // `H` and anything unknown only prove the console is alive.
        }
      });
      res.on("error", (err) => fail(err.code ?? err.message));
      res.on("aborted", () => fail("connection closed"));
      res.on("end", () => fail("the answer ended before the deploy did"));
    });
    req.end(body);
  });
}
