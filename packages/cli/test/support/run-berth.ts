import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The real `berth` entry point, as bring-up links it onto the PATH. */
export const BERTH_BIN = fileURLToPath(new URL("../../bin/berth.js", import.meta.url));

/** Runs the real CLI with an argument array and the given environment; resolves with its exit code and output. */
export function runBerth(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BERTH_BIN, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
