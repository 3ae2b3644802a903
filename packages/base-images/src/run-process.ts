import { spawn, type SpawnOptions } from "node:child_process";

export class MissingProgramError extends Error {}

/**
 * Runs a program with an argument array (never a shell string) and resolves when it exits 0.
 * Output lines go to `onLine`; a failure carries the last lines so the caller's error says why.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  opts: { onLine?: (line: string) => void; missingHint?: string; spawn?: SpawnOptions } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...opts.spawn });
    const tail: string[] = [];
    const collect = (stream: NodeJS.ReadableStream | null) => {
      let rest = "";
      stream?.on("data", (chunk: Buffer) => {
        rest += chunk.toString("utf8");
        const lines = rest.split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) {
          tail.push(line);
          if (tail.length > 20) tail.shift();
          opts.onLine?.(line);
        }
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") reject(new MissingProgramError(`${command} is not installed${opts.missingHint ? `: ${opts.missingHint}` : ""}.`));
      else reject(err);
    });
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${tail.join("\n")}`));
    });
  });
}
