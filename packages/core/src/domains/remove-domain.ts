import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { canonicalHostname } from "./hostname";
import { syncOrUndo } from "./sync-after-change";

/** `berth domains:remove APP HOST` (admin and above): the router stops serving HOST for the app when this returns. */
export async function removeDomain(
  deps: { db: DbClient; config: BerthConfig },
  input: AppRef & { hostname: string },
): Promise<{ hostname: string }> {
  const app = await requireAppAccess(deps.db, input, "admin");
  // Canonical but not validated: whatever was stored can be removed.
  const hostname = canonicalHostname(input.hostname);
  // Scoped to this app: a name another app (or tenant) holds reads as "not on this app".
  const row = await deps.db.domain.findFirst({ where: { appId: app.id, hostname }, select: { id: true, createdAt: true, createdById: true } });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: `"${input.app}" has no domain ${hostname}; \`berth domains ${input.app}\` lists its domains.` });
  await deps.db.domain.delete({ where: { id: row.id } });
  await syncOrUndo(deps, () =>
    deps.db.domain.create({ data: { id: row.id, appId: app.id, hostname, createdAt: row.createdAt, createdById: row.createdById } }),
  );
  return { hostname };
}
