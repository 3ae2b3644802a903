import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "./repo-root";
import { runGitOrThrow } from "./run-git";

/** `<dataDir>/git`: GIT_PROJECT_ROOT of http-backend; repositories are `<tenant>/<app>.git` below it. */
export function gitRoot(dataDir: string): string {
  return path.join(dataDir, "git");
}

export function bareRepoPath(dataDir: string, tenant: string, app: string): string {
  return path.join(gitRoot(dataDir), tenant, `${app}.git`);
}

/**
 * The pre-receive hook: plain node (no tsx, no packages) running packages/git/hook/pre-receive.mjs,
 * both by absolute path, because git runs hooks with the bare repository as working directory and
 * with no notion of our node_modules. Dynamic import() because an extension-less file outside any
 * package is loaded as CommonJS. The script does the git-only checks and asks the console to deploy.
 */
export function preReceiveHookScript(repoRoot: string, nodePath: string = process.execPath): string {
  const script = path.join(repoRoot, "packages", "git", "hook", "pre-receive.mjs");
  return [
    `#!${nodePath}`,
    "// Installed by Berth (packages/git/src/bare-repo.ts); rewritten when it differs. Do not edit.",
    `import(${JSON.stringify(script)}).then((m) => m.main()).then((code) => process.exit(code), (err) => {`,
    `  process.stderr.write("Berth could not run the deploy hook: " + (err && err.message ? err.message : String(err)) + "\\n");`,
    "  process.exit(1);",
    "});",
    "",
  ].join("\n");
}

/**
 * Makes sure the app's bare repository exists, refuses history rewrites and branch deletion, and
 * runs the current hook. Created under a temporary name and renamed into place, so two first pushes
 * racing never see a half-initialised repository.
 */
export async function ensureBareRepo(dataDir: string, tenant: string, app: string, repoRoot: string = findRepoRoot()): Promise<string> {
  const dir = bareRepoPath(dataDir, tenant, app);
  if (!existsSync(path.join(dir, "HEAD"))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    const tmp = `${dir}.init-${randomUUID()}`;
    try {
      await runGitOrThrow(["init", "--quiet", "--bare", "--initial-branch=main", tmp]);
      for (const [key, value] of [
        ["receive.denyNonFastForwards", "true"],
        ["receive.denyDeletes", "true"],
        ["http.receivepack", "true"],
        // Pushes of other branches are kept, but only main/master deploy; no one reads the reflog here.
        ["core.logAllRefUpdates", "false"],
      ] as const) {
        await runGitOrThrow(["--git-dir", tmp, "config", key, value]);
      }
      try {
        renameSync(tmp, dir);
      } catch (err) {
        // Another request created it first; theirs is as good as ours.
        if (!existsSync(path.join(dir, "HEAD"))) throw err;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  installHook(dir, repoRoot);
  return dir;
}

function installHook(dir: string, repoRoot: string): void {
  const hook = path.join(dir, "hooks", "pre-receive");
  const wanted = preReceiveHookScript(repoRoot);
  const current = existsSync(hook) ? readFileSync(hook, "utf8") : null;
  if (current === wanted) return;
  mkdirSync(path.dirname(hook), { recursive: true });
  // Written aside and renamed: a push running the old hook keeps reading a whole file.
  const tmp = `${hook}.${randomUUID()}`;
  writeFileSync(tmp, wanted, { mode: 0o755 });
  chmodSync(tmp, 0o755);
  renameSync(tmp, hook);
}
