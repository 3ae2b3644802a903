import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { BerthConfig } from "@berth/config/config";
import { BringUpError } from "../util/bring-up-error";
import type { StepLog } from "../util/log";
import { isPortOpen, portTakenError, waitFor } from "../util/ports";
import { lastLines, runCommand } from "../util/run-command";

/** Berth keeps its data in a cluster of its own, so it neither disturbs nor depends on `main`. */
export const CLUSTER = "berth";

export function installedPostgresVersion(root = "/usr/lib/postgresql"): string {
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "postgres")))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new BringUpError("No PostgreSQL server is installed.", "Run the bring-up again as root so it installs Debian's `postgresql` package.");
  return newest;
}

async function clusterRunning(version: string): Promise<boolean> {
  const r = await runCommand("pg_ctlcluster", [version, CLUSTER, "status"], { okCodes: [0, 3, 4] });
  return r.code === 0;
}

function logFile(version: string): string {
  return `/var/log/postgresql/postgresql-${version}-${CLUSTER}.log`;
}

export async function ensurePostgres(config: BerthConfig, log: StepLog): Promise<void> {
  const version = installedPostgresVersion();
  const port = String(config.postgres.port);
  const confDir = `/etc/postgresql/${version}/${CLUSTER}`;
  if (!existsSync(path.join(confDir, "postgresql.conf"))) {
    if (await isPortOpen("127.0.0.1", config.postgres.port)) throw portTakenError("PostgreSQL", config.postgres.port, "BERTH_PG_PORT", config.envFile);
    log.info(`creating PostgreSQL ${version} cluster '${CLUSTER}' on port ${port}`);
    await runCommand("pg_createcluster", [version, CLUSTER, "--port", port, "--", "--auth-host=scram-sha-256", "--auth-local=peer"]);
  } else {
    // The port may have been changed in berth.env since the cluster was made.
    await runCommand("pg_conftool", [version, CLUSTER, "set", "port", port]);
  }
  if (await clusterRunning(version)) {
    log.ok(`cluster ${version}/${CLUSTER} already running`);
    await runCommand("pg_ctlcluster", [version, CLUSTER, "reload"]);
  } else {
    if (await isPortOpen("127.0.0.1", config.postgres.port)) throw portTakenError("PostgreSQL", config.postgres.port, "BERTH_PG_PORT", config.envFile);
    log.info(`starting cluster ${version}/${CLUSTER}`);
    try {
      await runCommand("pg_ctlcluster", [version, CLUSTER, "start"]);
    } catch (err) {
      throw new BringUpError(`PostgreSQL did not start: ${(err as Error).message}`, `Read ${logFile(version)}, fix what it says, and run the bring-up again.`);
    }
  }
  const up = await waitFor(() => isPortOpen("127.0.0.1", config.postgres.port), 30_000);
  if (!up) throw new BringUpError(`PostgreSQL does not accept connections on port ${port}.`, `Read ${logFile(version)}.`);
  await ensureRoleAndDatabase(config);
  log.ok(`database '${config.postgres.database}' and role '${config.postgres.user}' ready on 127.0.0.1:${port}`);
}

/**
 * Creates the role and database if missing and (re)sets the role's password to the one in
 * berth.env, so the two can never drift apart. The password travels in the environment and is
 * read with psql's \getenv, never on a command line where `ps` would show it.
 */
async function ensureRoleAndDatabase(config: BerthConfig): Promise<void> {
  const sql = [
    "\\set ON_ERROR_STOP on",
    "\\getenv pw BERTH_PG_PASSWORD",
    "\\getenv role BERTH_PG_USER",
    "\\getenv db BERTH_PG_DATABASE",
    "SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \\gexec",
    // CREATEDB: Prisma's `migrate dev` makes a temporary shadow database.
    "SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \\gexec",
    "SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \\gexec",
  ].join("\n");
  try {
    await runCommand("runuser", ["-u", "postgres", "--", "psql", "--quiet", "--no-psqlrc", "-p", String(config.postgres.port), "-d", "postgres", "-f", "-"], {
      input: sql + "\n",
      env: {
        ...process.env,
        BERTH_PG_PASSWORD: config.postgres.password,
        BERTH_PG_USER: config.postgres.user,
        BERTH_PG_DATABASE: config.postgres.database,
      },
    });
  } catch (err) {
    throw new BringUpError(`Could not create the Berth database role and database: ${lastLines((err as Error).message, 5)}`);
  }
}

export async function stopPostgres(): Promise<void> {
  const version = installedPostgresVersion();
  if (await clusterRunning(version)) await runCommand("pg_ctlcluster", [version, CLUSTER, "stop"]);
}

export async function startPostgres(config: BerthConfig, log: StepLog): Promise<void> {
  await ensurePostgres(config, log);
}
