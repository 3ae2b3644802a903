import { withTransaction, type DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { lockTenant, requireTenantRole } from "./tenant-access";

/**
 * Owners only. Apps have running services, images and routes outside the database, so they are
 * destroyed one by one first (which cleans those up) rather than cascaded away here.
 */
export async function deleteTenant(db: DbClient, input: { userId: string; tenant: string }): Promise<void> {
  await withTransaction(db, async (tx) => {
    const { tenantId } = await requireTenantRole(tx, input, "owner");
    await lockTenant(tx, tenantId);
    const apps = await tx.app.findMany({ where: { tenantId }, select: { name: true }, orderBy: { name: "asc" }, take: 6 });
    if (apps.length > 0) {
      const names = apps.slice(0, 5).map((a) => a.name).join(", ") + (apps.length > 5 ? ", …" : "");
      throw new AppError("CONFLICT", {
        userMessage: `"${input.tenant}" still has apps (${names}). Destroy them first (berth apps:destroy <app>), then delete the tenant.`,
      });
    }
    await tx.tenant.delete({ where: { id: tenantId } });
  });
}
