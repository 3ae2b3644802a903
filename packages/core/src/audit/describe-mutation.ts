import type { DbClient } from "@berth/db/client";

/** Router names are plural ("apps"), actions are about one object ("app.create"). */
const OBJECT_OF_ROUTER: Record<string, string> = { apps: "app", releases: "release", tenants: "tenant", tokens: "token", deployments: "deployment", processes: "process", healthChecks: "healthCheck", domains: "domain" };

/** Input fields that may hold secrets: never copied into an event. */
const SECRET_FIELD = /pass|secret|token|value|key$/i;

export interface DescribedMutation {
  tenantId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  details: Record<string, unknown> | null;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/**
 * Turns a successful API mutation (its path and input) into what the audit log records. Works from
 * the input's conventional fields (tenant, app, name), so a new procedure is recorded without code
 * here; config values and anything that looks like a secret are reduced to keys or left out.
 */
export async function describeMutation(db: DbClient, path: string, rawInput: unknown): Promise<DescribedMutation> {
  const [routerName = path, verb = ""] = path.split(".");
  const object = OBJECT_OF_ROUTER[routerName] ?? routerName;
  const input = rawInput && typeof rawInput === "object" && !Array.isArray(rawInput) ? (rawInput as Record<string, unknown>) : {};
  const tenantName = str(input.tenant);
  const tenant = tenantName ? await db.tenant.findUnique({ where: { name: tenantName }, select: { id: true } }) : null;
  const appName = str(input.app) ?? (object === "app" ? str(input.name) : null);
  let targetType: string | null = null;
  let targetId: string | null = null;
  let targetName: string | null = null;
  if (appName && tenant) {
    targetType = "app";
    targetName = appName;
    targetId = (await db.app.findFirst({ where: { tenantId: tenant.id, name: appName }, select: { id: true } }))?.id ?? null;
  } else if (tenantName) {
    targetType = "tenant";
    targetName = tenantName;
    targetId = tenant?.id ?? null;
  } else if (str(input.name) || str(input.id)) {
    targetType = object;
    targetName = str(input.name);
    targetId = str(input.id);
  }
  return { tenantId: tenant?.id ?? null, action: `${object}.${verb}`, targetType, targetId, targetName, details: safeDetails(input) };
}

/** Scalars and string lists as they are; record-shaped fields (config `set`) as their keys; secrets dropped. */
function safeDetails(input: Record<string, unknown>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(input)) {
    if (field === "tenant" || field === "app") continue;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length) out[`${field}Keys`] = keys;
      continue;
    }
    if (SECRET_FIELD.test(field)) continue;
    if (typeof v === "number" || typeof v === "boolean") out[field] = v;
    else if (typeof v === "string") out[field] = v.slice(0, 200);
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[field] = v.slice(0, 100);
  }
  return Object.keys(out).length ? out : null;
}
