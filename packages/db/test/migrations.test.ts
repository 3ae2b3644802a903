import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import pg from "pg";
import { loadConfig } from "@berth/config/config";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkMigrationsMatchSchema, deployMigrations } from "../src/migrate";

/** Every model declared in prisma/schema.prisma: each must become a table. */
function schemaModels(): string[] {
  const schema = readFileSync(fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url)), "utf8");
  return [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
}

const databaseUrl = loadConfig().postgres.url;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// Fails when someone edits prisma/schema.prisma without creating a migration for it.
test("prisma/migrations produce exactly the schema in prisma/schema.prisma", async () => {
  const { inSync, diff } = await checkMigrationsMatchSchema({ databaseUrl });
  assert.equal(inSync, true, `schema.prisma has changes without a migration; run \`npm run db:migrate:dev -w @berth/db -- --name <what>\`:\n${diff}`);
});

test("deployMigrations creates a missing database and applies every migration, and a rerun is a no-op", async (t) => {
  const name = `berth_test_deploy_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(databaseUrl, name);
  t.after(async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.end();
  });

  const lines: string[] = [];
  await deployMigrations({ databaseUrl: url, log: (l) => lines.push(l) });
  await deployMigrations({ databaseUrl: url });
  assert.ok(lines.some((l) => /applied|migrations found/i.test(l)), lines.join("\n"));

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    assert.deepEqual(
      rows.map((r) => r.table_name),
      [...schemaModels(), "_prisma_migrations"].sort(),
    );
  } finally {
    await client.end();
  }
});

test("deployMigrations rejects with the CLI's output when the database cannot be reached", async () => {
  const u = new URL(databaseUrl);
  u.port = "1";
  await assert.rejects(deployMigrations({ databaseUrl: u.toString() }), /P1001|reach/);
});
