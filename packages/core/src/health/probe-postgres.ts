import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { startCommand } from "./remedy";
import { ProbeFailure, runProbe } from "./run-probe";

/** Asks through the application's own client, so a broken pool or adapter shows here too. */
export function probePostgres({ config, db, timeoutMs }: { config: BerthConfig; db: DbClient; timeoutMs: number }) {
  const { host, port, database, user } = config.postgres;
  const target = `PostgreSQL at ${host}:${port}`;
  return runProbe({
    name: "postgres",
    label: "PostgreSQL",
    target,
    remedy: `Start it with ${startCommand("postgres")}.`,
    timeoutMs,
    async run() {
      let rows: Array<{ version: string }>;
      try {
        rows = await db.$queryRaw<Array<{ version: string }>>`SELECT version()`;
      } catch (error) {
        throw new ProbeFailure(describePrismaFailure(error, { target, database, user }));
      }
      const version = /^PostgreSQL [\w.]+/.exec(rows[0]?.version ?? "")?.[0] ?? "PostgreSQL";
      return (ms) => `${version} answered in ${ms} ms.`;
    },
  });
}

/**
 * Prisma hides the socket error behind its driver-adapter error kinds (ECONNREFUSED and ENOTFOUND
 * both become DatabaseNotReachable), so the sentence is built from the kind.
 */
function describePrismaFailure(error: unknown, { target, database, user }: { target: string; database: string; user: string }): string {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } }).meta;
  switch (meta?.driverAdapterError?.cause?.kind) {
    case "DatabaseNotReachable":
      return `${target} cannot be reached (connection refused or unknown host).`;
    case "SocketTimeout":
      return `${target} did not answer in time.`;
    case "AuthenticationFailed":
      return `${target} rejected the credentials of role "${user}".`;
    case "DatabaseDoesNotExist":
      return `${target} has no database "${database}".`;
    case "TooManyConnections":
      return `${target} refuses new connections: too many are open.`;
    case "ConnectionClosed":
      return `${target} closed the connection.`;
  }
  // Prisma's message starts with "Invalid `prisma.$queryRaw()` invocation"; the part worth showing is quoted at the end.
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /Message: `([^`]+)`/.exec(message)?.[1];
  return `${target} failed: ${quoted ?? (message.trim().split("\n").pop() || "unknown error")}.`;
}
