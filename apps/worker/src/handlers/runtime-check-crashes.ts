import { checkCrashes, type CrashCheckResult } from "@berth/core/runtime/check-crashes";
import type { JobPayload } from "@berth/queue/catalog";
import type { HandlerContext } from "./context";

/** runtime.check-crashes: idempotent (it only records what Swarm's task history shows). */
export async function handleRuntimeCheckCrashes(_payload: JobPayload<"runtime.check-crashes">, ctx: HandlerContext): Promise<CrashCheckResult> {
  const result = await checkCrashes({ db: ctx.db, docker: ctx.docker });
  for (const id of result.marked) ctx.log(`app ${id} marked crashed: its instances keep stopping`);
  for (const id of result.cleared) ctx.log(`app ${id} no longer crashed`);
  return result;
}
