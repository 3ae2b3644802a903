import { after } from "node:test";
import type { Database } from "@berth/db/client";

/**
 * The tenants (by name) and accounts (by email) a test file makes, pushed by the file as it goes.
 * When the file ends they are removed, with the tenants' audit events, and the connection closed,
 * so test rows never pile up run after run.
 */
export function removedWhenDone(db: Database): { emails: string[]; tenants: string[] } {
  const rows = { emails: [] as string[], tenants: [] as string[] };
  after(async () => {
    const ids = (await db.tenant.findMany({ where: { name: { in: rows.tenants } }, select: { id: true } })).map((t) => t.id);
    await db.auditEvent.deleteMany({ where: { tenantId: { in: ids } } });
    await db.tenant.deleteMany({ where: { id: { in: ids } } });
    await db.user.deleteMany({ where: { email: { in: rows.emails } } });
    await db.$disconnect();
  });
  return rows;
}
