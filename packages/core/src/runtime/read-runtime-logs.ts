import { setMaxListeners } from "node:events";
import { type LogLine, readContainerLogs, timestampNs } from "@berth/docker/container-logs";
import { listServiceTasks } from "@berth/docker/services";
import type { AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { PROCESS_TYPE_LABEL, processServiceName } from "../deployments/runtime-names";
import { dockerOf, type RuntimeDeps } from "./runtime-deps";
import { knownTypes, loadRuntimeTarget } from "./runtime-target";

export const MAX_WAIT_MS = 25_000;
const MAX_LINES = 1_000;
/** After the first new line, wait this long for more, so a burst comes back as one answer. */
const BATCH_MS = 200;

export interface RuntimeLogLine {
  time: string;
  /** "web.1a2b3c4d5e6f": process type and the instance's task id. */
  instance: string;
  stream: "stdout" | "stderr";
  line: string;
}

export interface RuntimeLogPage {
  lines: RuntimeLogLine[];
  /** Pass back as `after` to get only later lines. */
  cursor: string;
}

/**
 * Runtime logs of every instance of the app (or of one process type), oldest first. Without
 * `after`: the last `tail` lines of each instance, at once. With `after` (a cursor from a previous
 * page): a long poll — it follows every instance's output and answers as soon as new lines come,
 * or after `waitMs` with none. `berth logs --tail` and the console loop on it, which streams the
 * logs over plain request/response (so the REST API and tRPC need nothing else).
 */
export async function readRuntimeLogs(
  deps: RuntimeDeps,
  input: AppRef & { type?: string; tail?: number; after?: string; waitMs?: number },
): Promise<RuntimeLogPage> {
  const target = await loadRuntimeTarget(deps.db, input, "viewer");
  const types = knownTypes(target);
  if (input.type !== undefined && !types.includes(input.type)) {
    throw new AppError("INVALID_INPUT", { userMessage: `"${input.app}" has no process type "${input.type}"; it has ${types.join(", ")}.` });
  }
  let afterNs: bigint | undefined;
  if (input.after !== undefined) {
    if (!/^\d{1,25}$/.test(input.after)) throw new AppError("INVALID_INPUT", { userMessage: "The log cursor is not one this server gave out; start again without it." });
    afterNs = BigInt(input.after);
  }
  const docker = dockerOf(deps);
  const containers: Array<{ id: string; instance: string }> = [];
  if (target.release) {
    for (const type of input.type ? [input.type] : types) {
      const tasks = await listServiceTasks(docker, processServiceName(target.id, type));
      // Running instances, and recently ended ones (their last words are often the interesting part).
      for (const t of tasks.slice(0, 20)) {
        if (t.containerId) containers.push({ id: t.containerId, instance: `${t.labels[PROCESS_TYPE_LABEL] ?? type}.${t.id.slice(0, 12)}` });
      }
    }
  }
  const collected: Array<LogLine & { instance: string }> = [];
  const follow = afterNs !== undefined && (input.waitMs ?? 0) > 0;
  const controller = new AbortController();
  // One listener per followed container (and dockerode's own): more than Node's default warning level of 10.
  setMaxListeners(0, controller.signal);
  const waitMs = Math.min(input.waitMs ?? 0, MAX_WAIT_MS);
  let timer = follow ? setTimeout(() => controller.abort(), waitMs) : undefined;
  const onLine = (instance: string) => (line: LogLine) => {
    collected.push({ ...line, instance });
    if (follow && collected.length === 1) {
      // Something arrived: answer shortly, with whatever else comes in the same moment.
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), BATCH_MS);
    }
    if (collected.length >= MAX_LINES) controller.abort();
  };
  await Promise.all(
    containers.map((c) =>
      readContainerLogs(docker, c.id, { afterNs, tail: Math.min(input.tail ?? 100, MAX_LINES), follow, signal: controller.signal, onLine: onLine(c.instance) }).catch(() => undefined),
    ),
  );
  // Every stream ended without a line (no instance runs, or only stopped ones): still wait out the
  // poll, so a client following a stopped app asks again every waitMs, not in a tight loop.
  if (follow && !collected.length && !controller.signal.aborted) {
    await new Promise((resolve) => controller.signal.addEventListener("abort", resolve, { once: true }));
  }
  clearTimeout(timer);
  collected.sort((a, b) => (a.timeNs < b.timeNs ? -1 : a.timeNs > b.timeNs ? 1 : 0));
  const lines = collected.slice(-MAX_LINES);
  const last = lines.at(-1)?.timeNs ?? afterNs ?? timestampNs(new Date().toISOString());
  return {
    lines: lines.map((l) => ({ time: l.time, instance: l.instance, stream: l.stream, line: l.line })),
    cursor: String(last),
  };
}
