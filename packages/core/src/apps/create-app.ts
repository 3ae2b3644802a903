import type { BerthConfig } from "@berth/config/config";
import { Prisma, withTransaction, type DbClient } from "@berth/db/client";
import { assertAppQuota } from "../quotas/tenant-quota";
import { lockTenant } from "../tenants/tenant-access";
import { AppError } from "../errors/app-error";
import { roleAtLeast } from "../tenants/roles";
import { appUrl, gitUrl } from "./app-url";
import { ZDnsLabel } from "./dns-label";

export interface CreateAppResult {
  id: string;
  name: string;
  tenant: string;
  gitUrl: string;
  webUrl: string;
}

export async function createApp(
  deps: { db: DbClient; config: Pick<BerthConfig, "baseDomain" | "router" | "web"> },
  { userId, tenant, name }: { userId: string; tenant: string; name: string },
): Promise<CreateAppResult> {
  const { db, config } = deps;
  const parsed = ZDnsLabel.safeParse(name);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", { userMessage: `"${name}" is not a valid app name: ${parsed.error.issues[0]?.message ?? "invalid"}` });
  }
  const found = await db.tenant.findFirst({
    where: { name: tenant, members: { some: { userId } } },
    select: { id: true, members: { where: { userId }, select: { role: true } } },
  });
  const role = found?.members[0]?.role;
  if (!found || !role) throw new AppError("NOT_FOUND", { userMessage: `No tenant named "${tenant}".` });
  if (!roleAtLeast(role, "developer")) {
    throw new AppError("FORBIDDEN", { userMessage: `Your role in "${tenant}" (${role}) cannot create apps; it needs developer or above.` });
  }
  try {
    // The tenant row is locked while counting, so two creates racing cannot both slip under the quota.
    const app = await withTransaction(db, async (tx) => {
      await lockTenant(tx, found.id);
      await assertAppQuota(tx, found.id, tenant);
      return tx.app.create({ data: { tenantId: found.id, name }, select: { id: true, name: true } });
    });
    return { id: app.id, name: app.name, tenant, gitUrl: gitUrl(config, tenant, name), webUrl: appUrl(config, tenant, name) };
  } catch (error) {
    // The unique (tenant, name) index decides, so two creates racing cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { userMessage: `An app named "${name}" already exists in "${tenant}". Pick another name.` });
    }
    throw error;
  }
}
