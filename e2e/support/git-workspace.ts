import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ProgramResult, runProgram } from "@berth/cli/run-program";
import type { AppFiles } from "../fixtures/apps";

export type CommandResult = ProgramResult;

/** Runs a program with an argument array (never a shell) in `cwd`. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  return runProgram(command, args, { cwd, env });
}

/** A developer's working copy: a fresh git repository with one commit per `commit` call. */
export class GitWorkspace {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), "berth-e2e-app-"));
  private readonly env = {
    ...process.env,
    GIT_AUTHOR_NAME: "E2E",
    GIT_AUTHOR_EMAIL: "e2e@berth.test",
    GIT_COMMITTER_NAME: "E2E",
    GIT_COMMITTER_EMAIL: "e2e@berth.test",
    GIT_TERMINAL_PROMPT: "0",
  };

  async init(): Promise<this> {
    await this.git(["init", "--quiet", "--initial-branch=main"]);
    return this;
  }

  async commit(files: AppFiles, message: string): Promise<void> {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
      writeFileSync(path.join(this.dir, name), content);
    }
    await this.git(["add", "--all"]);
    await this.git(["commit", "--quiet", "--message", message]);
  }

  git(args: string[]): Promise<CommandResult> {
    return run("git", args, this.dir, this.env);
  }

  /** Runs the `berth` CLI inside the working copy, as a developer would. */
  berth(args: string[]): Promise<CommandResult> {
    return run("berth", args, this.dir, this.env);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
