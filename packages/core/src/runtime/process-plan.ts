import type { HealthcheckInput } from "@berth/docker/services";
import { APP_PORT, PROCESS_TYPE_PATTERN, WEB_PROCESS } from "../deployments/runtime-names";
import { TOOLS_MOUNT } from "./healthcheck-tools";

export interface FormationRow {
  /** A process type, or "*" for the defaults of types without a row of their own. */
  type: string;
  quantity: number;
  cpu: number | null;
  memoryMb: number | null;
}

export interface HealthCheckRow {
  type: string;
  path: string | null;
  expectedStatus: number;
  bodyContains: string | null;
  startPeriodSec: number;
  intervalSec: number;
  timeoutSec: number;
  retries: number;
}

/**
 * The defaults of a health check; the web process's default is "accepts TCP connections on $PORT".
 * Every 1 s: Docker 20.10 (Debian 12's engine) has no faster start interval and runs the first
 * check one full interval after the start, and an instance is routed only once a check passed,
 * so the interval is a floor under every deploy's time (3 s made a redeploy ~6x a bare container
 * start; see docs/benchmarks.md). A TCP connect by a static busybox once a second costs little.
 */
export const DEFAULT_HEALTH: Omit<HealthCheckRow, "type" | "path" | "bodyContains"> = {
  expectedStatus: 200,
  startPeriodSec: 20,
  intervalSec: 1,
  timeoutSec: 2,
  retries: 3,
};

export interface ProcessPlan {
  type: string;
  /** null: the image's own command. */
  command: string | null;
  replicas: number;
  cpu: number | null;
  memoryMb: number | null;
  healthcheck: HealthcheckInput | null;
  /** Only web gets traffic. */
  routed: boolean;
}

/**
 * A release's process types (Procfile name → command). `{}` (or anything not a map of strings)
 * means one `web` process running the image's own command.
 */
export function processTypesOf(json: unknown): Record<string, string | null> {
  if (json && typeof json === "object" && !Array.isArray(json)) {
    const entries = Object.entries(json as Record<string, unknown>).filter(([, v]) => typeof v === "string" && v.trim()) as Array<[string, string]>;
    if (entries.length) return Object.fromEntries(entries);
  }
  return { [WEB_PROCESS]: null };
}

/** Docker's pause between two probes; the first probe starts this long after the container. */
export const PROBE_GAP_MS = 20;

/** The exec-form check Docker runs in the container (see check-script.ts). */
export function healthcheckFor(type: string, row: HealthCheckRow | undefined): HealthcheckInput | null {
  const timing = row ?? { ...DEFAULT_HEALTH };
  const base = [`${TOOLS_MOUNT}/busybox`, "sh", `${TOOLS_MOUNT}/check`, String(timing.intervalSec), String(timing.timeoutSec)];
  let test: string[];
  if (row?.path) test = [...base, "http", String(APP_PORT), row.path, String(row.expectedStatus), ...(row.bodyContains ? [row.bodyContains] : [])];
  else if (row || type === WEB_PROCESS) test = [...base, "tcp", String(APP_PORT)];
  else return null; // a worker listens on nothing by default: no check unless one is set
  // The check keeps the user's interval and timeout itself (check-script.ts), so Docker starts
  // probes almost back to back, and only stops one that outlived its interval (waiting), the user's
  // timeout (checking) and a second's margin for the check to report its own timeout first.
  return {
    test,
    intervalMs: PROBE_GAP_MS,
    timeoutMs: (timing.intervalSec + timing.timeoutSec + 1) * 1000,
    retries: timing.retries,
    startPeriodMs: timing.startPeriodSec * 1000,
  };
}

/**
 * What should run for a release: one entry per process type, with its instances (0 when the app
 * is stopped), limits and health check. Pure, so the deploy, scaling and the reconciler agree.
 * Types whose names cannot be service names are refused here, before anything is touched.
 */
export function planProcesses(input: {
  processTypes: unknown;
  formations: FormationRow[];
  healthChecks: HealthCheckRow[];
  stopped: boolean;
}): ProcessPlan[] {
  const types = processTypesOf(input.processTypes);
  return Object.entries(types)
    .sort(([a], [b]) => (a === WEB_PROCESS ? -1 : b === WEB_PROCESS ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([type, command]) => {
      if (!PROCESS_TYPE_PATTERN.test(type)) {
        throw new Error(`The Procfile names a process type "${type.slice(0, 40)}"; names must be lower-case letters, digits and hyphens, at most 20 characters, starting with a letter.`);
      }
      const formation = input.formations.find((f) => f.type === type) ?? input.formations.find((f) => f.type === "*");
      return {
        type,
        command,
        replicas: input.stopped ? 0 : (formation?.quantity ?? 1),
        cpu: formation?.cpu ?? null,
        memoryMb: formation?.memoryMb ?? null,
        healthcheck: healthcheckFor(type, input.healthChecks.find((h) => h.type === type)),
        routed: type === WEB_PROCESS,
      };
    });
}

/**
 * The container command for a Procfile entry. The command is the user's own process definition
 * (as on Heroku, a shell command line), so it runs through the image's /bin/sh; Berth never builds
 * shell text of its own here, it passes the user's line through unchanged as one argument.
 */
export function containerCommand(command: string | null): string[] | undefined {
  return command === null ? undefined : ["/bin/sh", "-c", command];
}
