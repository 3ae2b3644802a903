import type { BerthConfig } from "@berth/config/config";
import { runningPid } from "./util/supervisor";
import { webProcess, workerProcess } from "./services/platform-processes";

/** Prints every component's health as the console shows it, plus the platform processes. */
export async function showStatus(config: BerthConfig): Promise<boolean> {
  const { createDb } = await import("@berth/db/client");
  const { checkPlatformHealth } = await import("@berth/core/health/check-platform-health");
  const db = createDb(config.postgres.url);
  try {
    const health = await checkPlatformHealth({ config, db });
    for (const c of health.components) {
      process.stdout.write(`${c.ok ? "ok  " : "DOWN"}  ${c.label.padEnd(18)} ${c.reason}\n`);
    }
    for (const proc of [webProcess(config), workerProcess(config)]) {
      const pid = runningPid(proc);
      process.stdout.write(`${pid ? "ok  " : "DOWN"}  ${proc.name.padEnd(18)} ${pid ? `pid ${pid}` : "not running"} (log: ${proc.logFile})\n`);
    }
    return health.ok;
  } finally {
    await db.$disconnect();
  }
}
