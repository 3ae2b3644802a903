import { z } from "zod";
import type { AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { WEB_PROCESS } from "../deployments/runtime-names";
import { applyFormation } from "./apply-formation";
import { DEFAULT_HEALTH, type HealthCheckRow } from "./process-plan";
import { dockerOf, type RuntimeDeps } from "./runtime-deps";
import { knownTypes, loadRuntimeTarget } from "./runtime-target";

/** The settings of one process type's check, as shown and as set. path null: TCP on $PORT. */
export interface HealthCheckSettings extends HealthCheckRow {
  /** False when nothing was set: the defaults apply (TCP on $PORT for web, no check for others). */
  custom: boolean;
  /** What the check does, in words. */
  describes: string;
}

/**
 * Bounds of the settings. Paths are plain URL paths (they travel as one argument to the check,
 * never through a shell, but a space or a quote in a URL is a mistake worth naming).
 */
export const ZHealthCheckFields = z.object({
  path: z.string().max(500).regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@%\/?-]*$/, "The path must start with / and be a plain URL path, e.g. /healthz.").nullable(),
  expectedStatus: z.number().int().min(100).max(599),
  bodyContains: z.string().min(1).max(200).regex(/^[^\n\r\0]*$/, "The expected text must be one line.").nullable(),
  startPeriodSec: z.number().int().min(0).max(600),
  intervalSec: z.number().int().min(1).max(300),
  timeoutSec: z.number().int().min(1).max(120),
  retries: z.number().int().min(1).max(20),
});

function describe(type: string, row: Omit<HealthCheckRow, "type"> | null): string {
  if (!row) return type === WEB_PROCESS ? "accepts TCP connections on $PORT (default)" : "none (not routed; set one to check it)";
  const what = row.path
    ? `GET ${row.path} answers ${row.expectedStatus}${row.bodyContains ? ` containing ${JSON.stringify(row.bodyContains)}` : ""}`
    : "accepts TCP connections on $PORT";
  return `${what}; every ${row.intervalSec} s, timeout ${row.timeoutSec} s, unhealthy after ${row.retries} failures, ${row.startPeriodSec} s to start`;
}

/** The health check of every process type of the app (viewer and above). */
export async function getHealthChecks(deps: RuntimeDeps, input: AppRef): Promise<HealthCheckSettings[]> {
  const target = await loadRuntimeTarget(deps.db, input, "viewer");
  const rows = await deps.db.healthCheck.findMany({ where: { appId: target.id } });
  return knownTypes(target).map((type) => {
    const row = rows.find((r) => r.type === type) ?? null;
    const values = row ?? { type, path: null, bodyContains: null, ...DEFAULT_HEALTH };
    return {
      type,
      path: values.path,
      expectedStatus: values.expectedStatus,
      bodyContains: values.bodyContains,
      startPeriodSec: values.startPeriodSec,
      intervalSec: values.intervalSec,
      timeoutSec: values.timeoutSec,
      retries: values.retries,
      custom: !!row,
      describes: describe(type, row),
    };
  });
}

/**
 * Sets (or with `reset`, removes) one process type's health check and applies it to the running
 * instances: they roll over start-first, and a new instance only gets traffic once it passes the
 * new check. Fields left out keep their value (or the default).
 */
export async function setHealthCheck(
  deps: RuntimeDeps,
  input: AppRef & { type: string; reset?: boolean } & Partial<z.infer<typeof ZHealthCheckFields>>,
): Promise<HealthCheckSettings> {
  const target = await loadRuntimeTarget(deps.db, input, "developer");
  const types = knownTypes(target);
  if (!types.includes(input.type)) {
    throw new AppError("INVALID_INPUT", { userMessage: `"${input.app}" has no process type "${input.type}"; it has ${types.join(", ")}.` });
  }
  if (input.reset) {
    await deps.db.healthCheck.deleteMany({ where: { appId: target.id, type: input.type } });
  } else {
    const current = await deps.db.healthCheck.findUnique({ where: { appId_type: { appId: target.id, type: input.type } } });
    const merged = { path: null, bodyContains: null, ...DEFAULT_HEALTH, ...(current ?? {}) };
    for (const key of Object.keys(ZHealthCheckFields.shape) as Array<keyof typeof ZHealthCheckFields.shape>) {
      if (input[key] !== undefined) (merged as Record<string, unknown>)[key] = input[key];
    }
    const parsed = ZHealthCheckFields.safeParse(merged);
    if (!parsed.success) throw new AppError("INVALID_INPUT", { userMessage: `${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}` });
    if (parsed.data.bodyContains && !parsed.data.path) {
      throw new AppError("INVALID_INPUT", { userMessage: "A body text needs an HTTP path to check; set --path too." });
    }
    if (parsed.data.timeoutSec > parsed.data.intervalSec + 30) {
      throw new AppError("INVALID_INPUT", { userMessage: "The timeout should not be much longer than the interval between checks." });
    }
    await deps.db.healthCheck.upsert({
      where: { appId_type: { appId: target.id, type: input.type } },
      create: { appId: target.id, type: input.type, ...parsed.data },
      update: parsed.data,
    });
  }
  await applyFormation({ db: deps.db, docker: dockerOf(deps) }, target.id);
  const all = await getHealthChecks(deps, input);
  return all.find((h) => h.type === input.type) as HealthCheckSettings;
}
