import { type ProgramResult, runProgram } from "./run-program";

export type GitRun = ProgramResult;

/** git with an argument array, in `cwd`; never through a shell. */
export function git(args: string[], cwd: string = process.cwd()): Promise<GitRun> {
  return runProgram("git", args, { cwd });
}

async function gitOrThrow(args: string[], cwd?: string): Promise<string> {
  const r = await git(args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  return r.stdout;
}

/**
 * git runs a helper written `!…` through the shell, so the path is single-quoted (it may contain
 * spaces); a bare absolute path would break on them, and a quoted one without `!` is taken for a
 * `git credential-…` name. This string is git's configuration, not something Berth executes.
 */
export function credentialHelperCommand(berthBin: string): string {
  return `!'${berthBin.replaceAll("'", `'\\''`)}' git:credential`;
}

/**
 * Adds or repoints the remote, and makes `berth git:credential` the only credential helper for
 * exactly this URL (the empty value first clears helpers configured elsewhere), so a push never
 * prompts and the token stays in the CLI config rather than in .git/config.
 */
export async function configureGitRemote(opts: { remote: string; url: string; berthBin: string; cwd?: string }): Promise<"added" | "updated"> {
  const { remote, url, berthBin, cwd } = opts;
  const inside = await git(["rev-parse", "--git-dir"], cwd);
  if (inside.code !== 0) throw new Error("Not inside a git repository: run `git init` first, or cd into your app.");
  const existing = await git(["remote", "get-url", remote], cwd);
  const outcome = existing.code === 0 ? "updated" : "added";
  await gitOrThrow(outcome === "updated" ? ["remote", "set-url", remote, url] : ["remote", "add", remote, url], cwd);
  const key = `credential.${url}.helper`;
  await git(["config", "--local", "--unset-all", key], cwd); // exit 5 when there was none: fine
  await gitOrThrow(["config", "--local", "--add", key, ""], cwd);
  await gitOrThrow(["config", "--local", "--add", key, credentialHelperCommand(berthBin)], cwd);
  await gitOrThrow(["config", "--local", `credential.${url}.username`, "berth"], cwd);
  return outcome;
}

/** git's credential protocol: `key=value` lines on stdin, ended by an empty line or EOF. */
export function parseCredentialRequest(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (!line.trim()) break;
    const eq = line.indexOf("=");
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
