import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import type { BerthConfig } from "@berth/config/config";
import { BringUpError } from "../util/bring-up-error";
import type { StepLog } from "../util/log";
import { REPO_ROOT } from "../util/repo";
import { runCommand } from "../util/run-command";
import { tailOf } from "../util/supervisor";

/**
 * Generates the Prisma client and builds the console with Turborepo. Turbo's cache makes a
 * second run with unchanged sources a cache hit that takes seconds and changes nothing.
 * The full output goes to build.log; the operator sees the summary, or the tail on failure.
 */
export async function buildPlatform(config: BerthConfig, log: StepLog): Promise<void> {
  mkdirSync(config.logDir, { recursive: true });
  const logFile = path.join(config.logDir, "build.log");
  const out = createWriteStream(logFile, { flags: "a" });
  out.write(`\n===== build ${new Date().toISOString()} =====\n`);
  const turbo = path.join(REPO_ROOT, "node_modules", ".bin", "turbo");
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  let summary = "";
  try {
    await runCommand(turbo, ["run", "db:generate", "build", "--filter=@berth/web...", "--filter=@berth/db", "--output-logs=new-only"], {
      cwd: REPO_ROOT,
      env,
      onLine: (line) => {
        out.write(line + "\n");
        if (/Tasks:|Cached:|Time:/.test(line)) summary += line.trim() + " ";
      },
    });
  } catch {
    await new Promise((resolve) => out.end(resolve)); // flushed, so the tail below is complete
    throw new BringUpError(`Building the platform failed. Last lines of ${logFile}:\n${tailOf(logFile, 25)}`, "Fix the build error (or run `npm run build` to see it in full) and run the bring-up again.");
  }
  await new Promise((resolve) => out.end(resolve));
  log.ok(`${summary.trim() || "built"} (full output: ${logFile})`);
}
