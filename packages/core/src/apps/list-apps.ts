import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { appUrl } from "./app-url";

export interface AppSummary {
  name: string;
  tenant: string;
  webUrl: string;
  currentVersion: number | null;
  createdAt: Date;
}

/** The apps of a tenant the user is a member of; for anyone else the list is simply empty. */
export async function listApps(
  deps: { db: DbClient; config: Pick<BerthConfig, "baseDomain" | "router"> },
  { userId, tenant }: { userId: string; tenant: string },
): Promise<AppSummary[]> {
  const rows = await deps.db.app.findMany({
    where: { tenant: { name: tenant, members: { some: { userId } } } },
    orderBy: { name: "asc" },
    select: { name: true, createdAt: true, currentRelease: { select: { version: true } } },
  });
  return rows.map((r) => ({
    name: r.name,
    tenant,
    webUrl: appUrl(deps.config, tenant, r.name),
    currentVersion: r.currentRelease?.version ?? null,
    createdAt: r.createdAt,
  }));
}
