import type { AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { applyFormation } from "./apply-formation";
import { dockerOf, type RuntimeDeps } from "./runtime-deps";
import { knownTypes, loadRuntimeTarget } from "./runtime-target";

/**
 * `berth restart APP [TYPE]`: replaces every instance (of one process type, or all), one at a time
 * and start-first, so the web process keeps answering: a new instance gets traffic once healthy,
 * an old one is drained before it stops. Returns the process types restarted.
 */
export async function restartProcesses(deps: RuntimeDeps, input: AppRef & { type?: string }): Promise<{ restarted: string[] }> {
  const target = await loadRuntimeTarget(deps.db, input, "developer");
  const types = knownTypes(target);
  if (input.type !== undefined && !types.includes(input.type)) {
    throw new AppError("INVALID_INPUT", { userMessage: `"${input.app}" has no process type "${input.type}"; it has ${types.join(", ")}.` });
  }
  if (!target.release) throw new AppError("CONFLICT", { userMessage: `"${input.app}" has not been deployed yet: there is nothing to restart.` });
  if (target.stoppedAt) throw new AppError("CONFLICT", { userMessage: `"${input.app}" is stopped; \`berth start ${input.app}\` starts it.` });
  const wanted = input.type ? [input.type] : types;
  await applyFormation({ db: deps.db, docker: dockerOf(deps) }, target.id, { forceRestart: wanted });
  return { restarted: wanted };
}
