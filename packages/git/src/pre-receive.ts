import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { loadConfig, type BerthConfig } from "@berth/config/config";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { readDeploymentProgress } from "@berth/core/deployments/read-deployment-progress";
import { recordGitPush } from "@berth/core/audit/record-git-push";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { AppError } from "@berth/core/errors/app-error";
import { createDb, type Database } from "@berth/db/client";
import { runGit } from "./run-git";

/**
 * git's pre-receive hook for app repositories: a push to main (or master) becomes a build
 * deployment, and this process stays until it is live or failed, printing its log to stderr, which
 * receive-pack relays to the pusher as `remote:` lines. Exit 1 rejects the push, so the branch only
 * moves when the commit is serving.
 */
const DEPLOY_REFS = ["refs/heads/main", "refs/heads/master"];
const ZERO = /^0+$/;
const POLL_MS = 300;
/** The engine times out every step; this only guards against a hook left waiting for ever. */
const MAX_WAIT_MS = 60 * 60 * 1000;

export interface RefUpdate {
  oldSha: string;
  newSha: string;
  ref: string;
}

export function parseRefUpdates(input: string): RefUpdate[] {
  return input
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((parts): parts is [string, string, string] => parts.length === 3)
    .map(([oldSha, newSha, ref]) => ({ oldSha, newSha, ref }));
}

/** The update that deploys: main if pushed, else master; deletions never deploy. */
export function pickDeployUpdate(updates: RefUpdate[]): RefUpdate | null {
  for (const ref of DEPLOY_REFS) {
    const update = updates.find((u) => u.ref === ref && !ZERO.test(u.newSha));
    if (update) return update;
  }
  return null;
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const step = (line: string) => say(`-----> ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

export async function main(): Promise<number> {
  // A pusher who hangs up closes our stderr; the deployment carries on without an audience.
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

  const appId = process.env.BERTH_APP_ID;
  const userId = process.env.BERTH_USER_ID ?? null;
  if (!appId) {
    say("This push did not come through Berth's git endpoint; nothing was deployed.");
    return 1;
  }
  const config = loadConfig();
  const db = createDb(config.postgres.url);
  try {
    return await deploy({ config, db, appId, userId, update });
  } catch (err) {
    say(`! ${AppError.is(err) ? err.userMessage : err instanceof Error ? err.message : String(err)}`);
    say("! Nothing was deployed; the previous release (if any) is still serving.");
    return 1;
  } finally {
    await closeDeploymentQueues().catch(() => undefined);
    await db.$disconnect().catch(() => undefined);
  }
}

async function deploy(opts: { config: BerthConfig; db: Database; appId: string; userId: string | null; update: RefUpdate }): Promise<number> {
  const { config, db, appId, userId, update } = opts;
  const app = await db.app.findUniqueOrThrow({ where: { id: appId }, select: { name: true, currentReleaseId: true, tenant: { select: { name: true } } } });

  step(`Packing ${update.newSha.slice(0, 7)}`);
  const sourcesDir = path.join(config.dataDir, "sources");
  mkdirSync(sourcesDir, { recursive: true });
  const archive = path.join(sourcesDir, `${randomUUID()}.tar`);
  // The pushed objects are still in the quarantine directory; git archive sees them through the
  // environment receive-pack gave this hook.
  const packed = await runGit(["archive", "--format=tar", `--output=${archive}`, update.newSha]);
  if (packed.code !== 0) {
    rmSync(archive, { force: true });
    say(`! Could not read the pushed tree: ${packed.stderr.trim()}`);
    return 1;
  }

  const { deploymentId } = await startBuildDeployment({ db, config }, { appId, commitSha: update.newSha, sourceArchive: archive, createdById: userId });
  if (userId) {
    const env = process.env;
    await recordGitPush(db, {
      appId, userId, tokenId: env.BERTH_TOKEN_ID || null, commitSha: update.newSha, deploymentId,
      ip: env.BERTH_CLIENT_ADDR || null, userAgent: env.BERTH_USER_AGENT || null,
    }).catch((err: unknown) => console.error(`audit: recording the push failed: ${err instanceof Error ? err.message : String(err)}`));
  }
  let afterSeq = 0;
  const started = Date.now();
  const parent = process.ppid;
  for (;;) {
    // receive-pack is gone (the pusher hung up and the console stopped it): nobody is listening and
    // the ref will not be updated, but the deployment itself carries on in the worker.
    if (process.ppid !== parent) return 1;
    const progress = await readDeploymentProgress(db, deploymentId, afterSeq);
    for (const { seq, line } of progress.lines) {
      say(line);
      afterSeq = seq;
    }
    // The engine's last log line already says "Release vN is live at <url>".
    if (progress.status === "live") return 0;
    if (progress.status === "failed" || progress.status === "cancelled") {
      say(`! Deploy ${progress.status}: ${progress.failureReason ?? "no reason recorded"}`);
      say(app.currentReleaseId ? "! The previous release is still serving." : "! Nothing is serving yet: this app has no live release.");
      say("! The push was rejected; fix the problem and push again.");
      return 1;
    }
    if (Date.now() - started > MAX_WAIT_MS) {
      say(`! Still ${progress.status} after an hour; stopped waiting. Follow it with \`berth apps:info ${app.name}\`.`);
      return 1;
    }
    await sleep(POLL_MS);
  }
}
