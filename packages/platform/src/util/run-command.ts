import { spawn } from "node:child_process";
import { BringUpError } from "./bring-up-error";

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the program's standard input, then closed. */
  input?: string;
  /** Exit codes that count as success (default: only 0). */
  okCodes?: number[];
  /** Streams each output line as it comes, for long steps the operator should watch. */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with an argument array (never through a shell) and collects its output.
 * A non-accepted exit code becomes a BringUpError carrying the last lines of output.
 */
export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let pending = "";
    const forward = (chunk: string) => {
      if (!options.onLine) return;
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) options.onLine(line);
    };
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      forward(d);
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      forward(d);
    });
    const timer = options.timeoutMs
      ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs).unref()
      : undefined;
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      reject(
        err.code === "ENOENT"
          ? new BringUpError(`\`${command}\` is not installed on this machine.`, "Run the bring-up again as root so it can install the missing Debian package.")
          : err,
      );
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (pending.trim() && options.onLine) options.onLine(pending);
      const exit = code ?? 128;
      if ((options.okCodes ?? [0]).includes(exit)) return resolve({ code: exit, stdout, stderr });
      const tail = lastLines(stderr || stdout, 15);
      const why = signal ? `was stopped by ${signal}` : `exited with code ${exit}`;
      reject(new BringUpError(`\`${command} ${args.join(" ")}\` ${why}.\n${tail}`));
    });
    // A program that fails before reading its input closes the pipe (EPIPE); its exit code and
    // output, reported on close, are what the operator needs, not the write error.
    child.stdin.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") reject(err);
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

export function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
