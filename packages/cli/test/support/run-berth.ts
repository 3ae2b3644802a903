import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The real `berth` entry point, as bring-up links it onto the PATH. */
export const BERTH_BIN = fileURLToPath(new URL("../../bin/berth.js", import.meta.url));

export interface ProgramResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with an argument array (never a shell) and resolves with its exit code and
 * output, whatever the code: the tests judge it. `input`, when given, is written to its stdin.
 */
export function runProgram(command: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; input?: string }): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (opts.input !== undefined && child.stdin) {
      // A program that exits before reading its input closes the pipe (EPIPE); its exit code tells the test what happened.
      child.stdin.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code !== "EPIPE") reject(err);
      });
      child.stdin.end(opts.input);
    }
  });
}

/** Runs the real CLI with an argument array and the given environment. */
export function runBerth(args: string[], env: NodeJS.ProcessEnv): Promise<ProgramResult> {
  return runProgram(BERTH_BIN, args, { env });
}
