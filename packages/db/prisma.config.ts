import path from "node:path";
import { defineConfig } from "prisma/config";

// binaries.prisma.sh is unreachable on our machines, so Prisma cannot download its
// native schema engine. Unless the caller points PRISMA_SCHEMA_ENGINE_BINARY at a
// real binary, use the Wasm-backed stand-in (see tools/schema-engine-wasm-shim.mjs).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "tools", "schema-engine-wasm-shim.mjs");

// The schema and migrations live in the repository's top-level prisma/ folder (issue #2);
// this package owns the client generated from them.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: {
    // process.env (not env()) so that `prisma generate` works without a database URL.
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
