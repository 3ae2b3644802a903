import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** packages/db: prisma.config.ts there points the CLI at the top-level schema, migrations and the engine shim. */
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

interface CliResult {
  code: number | null;
  output: string;
}

/** Runs the Prisma CLI with an argument array (never a shell string) and collects its output. */
function runPrisma(args: string[], databaseUrl: string, onLine?: (line: string) => void): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let pending = "";
    const collect = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      if (!onLine) return;
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) onLine(line);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (onLine && pending.trim()) onLine(pending);
      resolve({ code, output });
    });
  });
}

export interface DeployMigrationsOptions {
  databaseUrl: string;
  /** Receives the CLI's output line by line, for bring-up's progress log. */
  log?: (line: string) => void;
}

/** Applies pending migrations (`prisma migrate deploy`); creates the database when it is missing. */
export async function deployMigrations({ databaseUrl, log }: DeployMigrationsOptions): Promise<void> {
  const { code, output } = await runPrisma(["migrate", "deploy"], databaseUrl, log);
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`);
}

export interface MigrationsCheck {
  inSync: boolean;
  /** The CLI's summary of what schema.prisma has that the migrations do not (empty when in sync). */
  diff: string;
}

/**
 * Compares the migrations folder with schema.prisma. The Wasm engine replays the migrations on a
 * temporary shadow database, so the role behind `databaseUrl` needs CREATEDB.
 */
export async function checkMigrationsMatchSchema({ databaseUrl }: { databaseUrl: string }): Promise<MigrationsCheck> {
  const { code, output } = await runPrisma(
    ["migrate", "diff", "--from-migrations", "../../prisma/migrations", "--to-schema", "../../prisma/schema.prisma", "--exit-code"],
    databaseUrl,
  );
  // --exit-code: 0 = no difference, 2 = difference, anything else = the command itself failed.
  if (code === 0) return { inSync: true, diff: "" };
  if (code === 2) return { inSync: false, diff: stripConfigBanner(output) };
  throw new Error(`prisma migrate diff failed (exit ${code}):\n${output.trim()}`);
}

function stripConfigBanner(output: string): string {
  return output
    .split("\n")
    .filter((l) => !l.startsWith("Loaded Prisma config") && !l.startsWith("npm warn"))
    .join("\n")
    .trim();
}
