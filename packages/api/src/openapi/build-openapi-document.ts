import { z } from "zod";
import { restPathOf, restProcedures } from "../rest/rest-procedures";

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema (2020-12, which OpenAPI 3.1 uses); dates travel as ISO strings. */
function jsonSchemaOf(schema: unknown, io: "input" | "output"): JsonSchema | null {
  if (!schema) return null;
  const json = z.toJSONSchema(schema as z.ZodType, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if ((ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "NOT_FOUND, UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, CONFLICT, TOO_MANY_REQUESTS, …" },
        message: { type: "string", description: "A sentence for humans." },
      },
    },
  },
};

const ERRORS = {
  "400": "The input is not valid.",
  "401": "No valid API token.",
  "403": "The token's scope or the member's role does not allow this.",
  "404": "No such object (objects of other tenants answer the same way).",
} as const;

/**
 * The OpenAPI document of the REST API, generated from the same tRPC procedures the console calls:
 * one operation per procedure, GET with query parameters for queries, POST with a JSON body for
 * mutations. A new procedure appears here without any change to this file.
 */
export function buildOpenApiDocument(opts: { serverUrl: string; version?: string }): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const proc of restProcedures()) {
    const input = jsonSchemaOf(proc.input, "input");
    const output = jsonSchemaOf(proc.output, "output") ?? {};
    const [tag] = proc.path.split(".");
    const operation: Record<string, unknown> = {
      operationId: proc.path,
      tags: [tag],
      summary: proc.path,
      responses: {
        "200": { description: "OK", content: { "application/json": { schema: output } } },
        ...Object.fromEntries(
          Object.entries(ERRORS).map(([status, description]) => [status, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
        ),
      },
    };
    if (input && proc.method === "GET") {
      const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((input.required ?? []) as string[]);
      operation.parameters = Object.entries(properties).map(([name, schema]) => ({ name, in: "query", required: required.has(name), schema }));
    } else if (input) {
      operation.requestBody = { required: true, content: { "application/json": { schema: input } } };
    }
    paths[`/api/v1${restPathOf(proc.path)}`] = { [proc.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Berth API",
      version: opts.version ?? "1",
      description: "Every call takes `Authorization: Bearer <API token>`. Errors are `{ \"error\": { \"code\", \"message\" } }`.",
    },
    servers: [{ url: opts.serverUrl }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token (berth login, or the console's account page)." } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
