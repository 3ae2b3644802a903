import type { AnyTRPCProcedure } from "@trpc/server";
import { appRouter } from "../root";

/**
 * Procedures that belong to the browser session (they set or clear the session cookie, or change
 * the password behind it). The REST API authenticates with bearer tokens only, so it leaves them out.
 */
export const SESSION_ONLY_PROCEDURES: ReadonlySet<string> = new Set([
  "auth.signUp",
  "auth.signIn",
  "auth.signOut",
  "auth.signOutEverywhere",
  "auth.changePassword",
  "auth.deleteAccount",
]);

export interface RestProcedure {
  /** "apps.create" */
  path: string;
  type: "query" | "mutation";
  method: "GET" | "POST";
  /** The zod input schema, if the procedure takes one. */
  input: unknown;
  output: unknown;
}

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs?: unknown[];
  output?: unknown;
}

/**
 * Every procedure of the router by dotted path. At run time tRPC keeps `_def.procedures` flat
 * ("apps.create" → procedure), although its type mirrors the nested record.
 */
function flatProcedures(): Record<string, AnyTRPCProcedure> {
  return appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
}

export function allProcedurePaths(): string[] {
  return Object.keys(flatProcedures()).sort();
}

/** The procedures the REST API serves: every query and mutation except the session-only ones. */
export function restProcedures(): RestProcedure[] {
  const procedures = flatProcedures();
  const out: RestProcedure[] = [];
  for (const path of Object.keys(procedures).sort()) {
    const def = (procedures[path] as unknown as { _def: ProcedureDef })._def;
    if (SESSION_ONLY_PROCEDURES.has(path) || def.type === "subscription") continue;
    out.push({ path, type: def.type, method: def.type === "query" ? "GET" : "POST", input: def.inputs?.[0], output: def.output });
  }
  return out;
}

/** "/apps/create" ↔ "apps.create" */
export function restPathOf(path: string): string {
  return `/${path.split(".").join("/")}`;
}
