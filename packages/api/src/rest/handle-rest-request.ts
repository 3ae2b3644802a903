import type { BerthConfig } from "@berth/config/config";
import type { Database } from "@berth/db/client";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { createApiContext, readBearerToken } from "../context";
import { clientAddress } from "../http/client-address";
import { buildOpenApiDocument } from "../openapi/build-openapi-document";
import { createCaller } from "../root";
import { userMessageOf } from "../trpc";
import { restProcedures, type RestProcedure } from "./rest-procedures";

export interface HandleRestRequestOptions {
  db: Database;
  config: BerthConfig;
  /** Where the API is mounted, e.g. "/api/v1". */
  basePath: string;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

function fail(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return json(status, { error: { code, message } }, headers);
}

/**
 * Query parameters → the procedure's input. `?input=<json>` is taken whole; otherwise each
 * parameter is a field, parsed as JSON where the field is not a string (numbers, booleans).
 */
function inputFromQuery(url: URL, proc: RestProcedure): unknown {
  const whole = url.searchParams.get("input");
  if (whole !== null) return JSON.parse(whole);
  if (!proc.input) return undefined;
  const shape = (proc.input as { shape?: Record<string, { _zod?: { def?: { type?: string; innerType?: unknown } } }> }).shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, value] of url.searchParams) {
    const type = baseType(shape[name]);
    out[name] = type === "string" || type === undefined ? value : parseLoose(value);
  }
  return out;
}

/** The zod type under optional/default/nullable wrappers. */
function baseType(schema: unknown): string | undefined {
  let def = (schema as { _zod?: { def?: { type?: string; innerType?: unknown } } } | undefined)?._zod?.def;
  while (def && ["optional", "default", "nullable", "prefault"].includes(def.type ?? "")) {
    def = (def.innerType as { _zod?: { def?: { type?: string; innerType?: unknown } } } | undefined)?._zod?.def;
  }
  return def?.type;
}

function parseLoose(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The public REST API: `/api/v1/<router>/<procedure>` runs the same tRPC procedure the console
 * calls (through a server-side caller, so every middleware, check and audit record applies), with
 * bearer-token authentication only — cookies are ignored, so other sites cannot act as a signed-in
 * browser. `/api/v1/openapi.json` describes it, generated from those procedures.
 */
export async function handleRestRequest(req: Request, { db, config, basePath }: HandleRestRequestOptions): Promise<Response> {
  const url = new URL(req.url);
  const rest = url.pathname.slice(basePath.length).replace(/\/+$/, "");
  if (rest === "/openapi.json") {
    if (req.method !== "GET") return fail(405, "METHOD_NOT_SUPPORTED", "Use GET for the OpenAPI document.", { allow: "GET" });
    return json(200, buildOpenApiDocument({ serverUrl: config.web.publicUrl }));
  }
  const path = rest.split("/").filter(Boolean).join(".");
  const proc = restProcedures().find((p) => p.path === path);
  if (!proc) return fail(404, "NOT_FOUND", `No API operation at ${url.pathname}. The list is at ${basePath}/openapi.json.`);
  if (req.method !== proc.method) return fail(405, "METHOD_NOT_SUPPORTED", `Use ${proc.method} for ${url.pathname}.`, { allow: proc.method });

  let input: unknown;
  try {
    if (proc.method === "GET") input = inputFromQuery(url, proc);
    else {
      const text = await req.text();
      input = text.trim() ? JSON.parse(text) : undefined;
    }
  } catch {
    return fail(400, "BAD_REQUEST", proc.method === "GET" ? "The input query parameter is not valid JSON." : "The request body is not valid JSON.");
  }

  const apiToken = readBearerToken(req.headers.get("authorization"));
  if (!apiToken) return fail(401, "UNAUTHORIZED", "Send an API token as `Authorization: Bearer <token>`.", { "www-authenticate": "Bearer" });
  const ctx = await createApiContext({
    db,
    config,
    sessionToken: null,
    apiToken,
    ip: clientAddress(req.headers),
    userAgent: req.headers.get("user-agent"),
    // Session procedures are not served here; nothing sets a cookie.
    sessionCookie: { set: () => undefined, clear: () => undefined },
  });

  try {
    let target: unknown = createCaller(ctx);
    for (const segment of proc.path.split(".")) target = (target as Record<string, unknown>)[segment];
    const result = await (target as (input: unknown) => Promise<unknown>)(input);
    return json(200, result ?? null);
  } catch (err) {
    const error = err instanceof TRPCError ? err : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: err });
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(`REST ${proc.path} failed:`, error.cause ?? error);
    return fail(getHTTPStatusCodeFromError(error), error.code, userMessageOf(error));
  }
}
