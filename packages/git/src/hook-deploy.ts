import { existsSync } from "node:fs";
import type { BerthConfig } from "@berth/config/config";
import { recordGitPush } from "@berth/core/audit/record-git-push";
import { readDeploymentProgress } from "@berth/core/deployments/read-deployment-progress";
import { startBuildDeployment } from "@berth/core/deployments/start-build-deployment";
import { AppError } from "@berth/core/errors/app-error";
import type { Database } from "@berth/db/client";
import { consumeHookSecret, type HookBinding } from "./hook-secrets";

export interface HookDeployDeps {
  db: Database;
  config: BerthConfig;
  pollMs?: number;
  heartbeatMs?: number;
}

const DEPLOY_REFS = new Set(["refs/heads/main", "refs/heads/master"]);
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** The engine times out every step; this only guards against a push left waiting for ever. */
const MAX_WAIT_MS = 60 * 60 * 1000;

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * `POST /git-hook/deploy`: the pre-receive hook (packages/git/hook/pre-receive.mjs) has packed the
 * pushed commit and asks for it to be deployed. The one-time secret in `X-Berth-Hook-Secret` is the
 * only credential and fixes app, pusher and archive, so the body can only name the commit and ref.
 * The answer streams `L <line>` per log line, `H` heartbeats and a last `X <exit code>`.
 */
export async function handleHookDeploy(req: Request, deps: HookDeployDeps): Promise<Response> {
  // Spent by any attempt, even a malformed one: a secret is good for one request.
  const binding = consumeHookSecret(req.headers.get("x-berth-hook-secret"));
  if (!binding) return plain(401, "Berth refused the hook's secret: it is missing, unknown, already used or expired.");
  let body: { ref?: unknown; newSha?: unknown };
  try {
    body = (await req.json()) as typeof body;
  } catch {
    return plain(400, "The hook's request is not JSON.");
  }
  if (typeof body.ref !== "string" || !DEPLOY_REFS.has(body.ref)) return plain(400, "Only main or master deploy.");
  if (typeof body.newSha !== "string" || !SHA.test(body.newSha)) return plain(400, "Not a commit id.");
  if (!existsSync(binding.sourceArchive)) return plain(400, "The pushed tree was not packed; nothing was deployed.");
  const commitSha = body.newSha;

  const encoder = new TextEncoder();
  let stopped = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    stopped = true;
    clearInterval(heartbeat);
  };
  req.signal.addEventListener("abort", stop, { once: true });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const say = (line: string) => {
        for (const part of line.split("\n")) write(`L ${part}\n`);
      };
      heartbeat = setInterval(() => write("H\n"), deps.heartbeatMs ?? 5_000);
      void deploy(deps, binding, commitSha, say, () => stopped)
        .catch((err: unknown) => {
          say(`! ${AppError.is(err) ? err.userMessage : err instanceof Error ? err.message : String(err)}`);
          say("! Nothing was deployed; the previous release (if any) is still serving.");
          return 1;
        })
        .then((code) => {
          write(`X ${code}\n`);
          stop();
          try {
            controller.close();
          } catch {
            // the hook went away first
          }
        });
    },
    // The hook hung up (the pusher left): stop following; the deployment carries on in the worker.
    cancel: stop,
  });
  return new Response(stream, {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache, no-store, no-transform", "X-Accel-Buffering": "no" },
  });
}

async function deploy(deps: HookDeployDeps, binding: HookBinding, commitSha: string, say: (line: string) => void, stopped: () => boolean): Promise<number> {
  const { db, config } = deps;
  const app = await db.app.findUnique({ where: { id: binding.appId }, select: { name: true, currentReleaseId: true } });
  if (!app) throw new AppError("NOT_FOUND", { userMessage: `The app "${binding.appName}" no longer exists.` });
  const { deploymentId } = await startBuildDeployment({ db, config }, { appId: binding.appId, commitSha, sourceArchive: binding.sourceArchive, createdById: binding.userId });
  await recordGitPush(db, {
    appId: binding.appId, userId: binding.userId, tokenId: binding.tokenId, commitSha, deploymentId, ip: binding.clientAddr, userAgent: binding.userAgent,
  }).catch((err: unknown) => console.error(`audit: recording the push failed: ${err instanceof Error ? err.message : String(err)}`));

  let afterSeq = 0;
  const started = Date.now();
  while (!stopped()) {
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
    await new Promise((r) => setTimeout(r, deps.pollMs ?? 200));
  }
  return 1;
}
