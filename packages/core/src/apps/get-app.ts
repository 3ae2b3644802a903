import type { DbClient } from "@berth/db/client";
import { appNotFound, memberAppWhere, type AppRef } from "./app-scope";

export interface AppRow {
  id: string;
  name: string;
  tenantId: string;
  tenant: string;
  currentReleaseId: string | null;
  createdAt: Date;
}

/** The app if the user is a member of its tenant; NOT_FOUND otherwise, whether or not it exists. */
export async function getApp(db: DbClient, ref: AppRef): Promise<AppRow> {
  const row = await db.app.findFirst({
    where: memberAppWhere(ref),
    select: { id: true, name: true, tenantId: true, currentReleaseId: true, createdAt: true, tenant: { select: { name: true } } },
  });
  if (!row) throw appNotFound(ref);
  return { ...row, tenant: row.tenant.name };
}
