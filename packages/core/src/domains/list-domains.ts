import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { routerUrl } from "../apps/app-url";

export interface DomainView {
  hostname: string;
  url: string;
  createdAt: Date;
}

/** The custom domains of an app, oldest first (viewer and above). */
export async function listDomains(deps: { db: DbClient; config: Pick<BerthConfig, "router"> }, ref: AppRef): Promise<DomainView[]> {
  const app = await requireAppAccess(deps.db, ref, "viewer");
  const rows = await deps.db.domain.findMany({
    where: { appId: app.id },
    select: { hostname: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { hostname: "asc" }],
  });
  return rows.map((row) => ({ hostname: row.hostname, url: routerUrl(deps.config, row.hostname), createdAt: row.createdAt }));
}
