import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "./generated/prisma/client";

export { Prisma };
export type { User, Session, WorkerHeartbeat } from "./generated/prisma/client";

/** The root client; owns the connection pool. */
export type Database = PrismaClient;
/** What a service receives: the root client or an open transaction, so callers can compose services. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** One client (and one pg pool) per process: callers create it once and pass it down. */
export function createDb(url: string): Database {
  if (!url) throw new Error("createDb needs a PostgreSQL connection URL.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/**
 * Runs `fn` in a transaction. When `db` is already a transaction, `fn` joins it instead of
 * opening a nested one, so a service that needs atomicity still composes inside a caller's transaction.
 */
export async function withTransaction<T>(db: DbClient, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db) return db.$transaction((tx) => fn(tx));
  return fn(db);
}
