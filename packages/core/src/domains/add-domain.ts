import type { BerthConfig } from "@berth/config/config";
import { Prisma, type DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { routerUrl } from "../apps/app-url";
import { normalizeHostname } from "./hostname";
import type { DomainView } from "./list-domains";
import { syncOrUndo } from "./sync-after-change";

/** The same words whoever holds the name, so a refusal never tells which tenant (if any other) has it. */
function taken(hostname: string): AppError {
  return new AppError("CONFLICT", { userMessage: `${hostname} is already in use on this Berth installation; each domain can point at one app only.` });
}

/**
 * `berth domains:add APP HOST` (admin and above): the app is also served under HOST, over HTTP on the
 * router's port, as soon as this returns. The name must be free across all tenants.
 */
export async function addDomain(
  deps: { db: DbClient; config: BerthConfig },
  input: AppRef & { hostname: string },
): Promise<DomainView> {
  const app = await requireAppAccess(deps.db, input, "admin");
  const hostname = normalizeHostname(input.hostname, deps.config.baseDomain);
  let row: { id: string; createdAt: Date };
  try {
    row = await deps.db.domain.create({ data: { appId: app.id, hostname, createdById: input.userId }, select: { id: true, createdAt: true } });
  } catch (error) {
    // The unique index decides, so two tenants claiming the same name at once cannot both win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken(hostname);
    throw error;
  }
  await syncOrUndo(deps, () => deps.db.domain.deleteMany({ where: { id: row.id } }));
  return { hostname, url: routerUrl(deps.config, hostname), createdAt: row.createdAt };
}
