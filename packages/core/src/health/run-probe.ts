import type { ComponentHealth, ComponentName } from "./types";

export const DEFAULT_PROBE_TIMEOUT_MS = 2_000;

/** A probe that reached its component but did not like the answer; its message is the whole reason. */
export class ProbeFailure extends Error {}

export interface ProbeSpec {
  name: ComponentName;
  label: string;
  /** Who is being asked, as it reads in a sentence: "Redis at 127.0.0.1:6380". */
  target: string;
  /** The sentence that tells an operator how to bring the component back. */
  remedy: string;
  timeoutMs: number;
  /** Asks the component; returns the success sentence given the elapsed milliseconds. */
  run(signal: AbortSignal): Promise<(latencyMs: number) => string>;
}

/** Runs one probe with a deadline; never throws, every outcome becomes a sentence. */
export async function runProbe(spec: ProbeSpec): Promise<ComponentHealth> {
  const controller = new AbortController();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ProbeTimeout());
    }, spec.timeoutMs);
  });
  const base = { name: spec.name, label: spec.label };
  try {
    const describe = await Promise.race([spec.run(controller.signal), deadline]);
    const latencyMs = elapsed(started);
    return { ...base, ok: true, reason: describe(latencyMs), latencyMs };
  } catch (error) {
    return { ...base, ok: false, reason: `${describeFailure(spec, error)} ${spec.remedy}`, latencyMs: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

class ProbeTimeout extends Error {}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describeFailure(spec: ProbeSpec, error: unknown): string {
  if (error instanceof ProbeFailure) return error.message;
  if (error instanceof ProbeTimeout) return `${spec.target} did not answer within ${formatSeconds(spec.timeoutMs)}.`;
  const code = findErrorCode(error);
  switch (code) {
    case "ECONNREFUSED":
      return `${spec.target} refused the connection (ECONNREFUSED).`;
    case "ENOENT":
      return `${spec.target} does not exist (ENOENT).`;
    case "EACCES":
    case "EPERM":
      return `${spec.target} cannot be opened: permission denied (${code}).`;
    case "ETIMEDOUT":
      return `${spec.target} did not answer in time (ETIMEDOUT).`;
    case "ECONNRESET":
    case "EPIPE":
      return `${spec.target} closed the connection (${code}).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${spec.target} cannot be reached (${code}).`;
  }
  const message = innermostMessage(error);
  return `${spec.target} failed: ${message}${code ? ` (${code})` : ""}.`.replace(/\.\.$/, ".");
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/**
 * Clients wrap socket errors differently (fetch: `cause`; Prisma's adapter: `cause`; net's happy
 * eyeballs: AggregateError `errors`), so look a few levels down for a system error code.
 */
function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 4) return undefined;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && /^E[A-Z_]+$/.test(e.code)) return e.code;
  const nested = [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const inner of nested) {
    const code = findErrorCode(inner, depth + 1);
    if (code) return code;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = String(error);
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof Error && current.message) message = current.message;
    current = current instanceof Error ? current.cause : undefined;
  }
  return message.split("\n")[0]!.trim();
}
