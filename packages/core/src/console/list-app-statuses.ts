import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { appUrl } from "../apps/app-url";
import { requireTenantRole } from "../tenants/tenant-access";
import { deriveAppStatus, lastDeployFailed, type AppStatus } from "./app-status";
import { readTenantRuntime, type RuntimeCount } from "./read-app-runtime";

export interface AppStatusRow {
  name: string;
  webUrl: string;
  status: AppStatus;
  /** The newest deployment failed but an older release still serves. */
  lastDeployFailed: boolean;
  currentRelease: { version: number; description: string; createdAt: Date } | null;
  latestDeployment: { id: string; status: string; createdAt: Date } | null;
  instances: RuntimeCount | null;
}

/** The console's apps list: each app of a tenant the user belongs to, with its status in one word. */
export async function listAppStatuses(
  deps: { db: DbClient; config: Pick<BerthConfig, "baseDomain" | "router" | "docker"> },
  { userId, tenant }: { userId: string; tenant: string },
): Promise<AppStatusRow[]> {
  await requireTenantRole(deps.db, { userId, tenant }, "viewer");
  const rows = await deps.db.app.findMany({
    where: { tenant: { name: tenant, members: { some: { userId } } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      stoppedAt: true,
      crashedAt: true,
      currentRelease: { select: { version: true, description: true, createdAt: true } },
      deployments: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true, createdAt: true } },
    },
  });
  // The runtime only refines the status; an engine that does not answer must not break the list.
  const runtime = rows.length ? await readTenantRuntime(connectDocker(deps.config.docker.socketPath), tenant).catch(() => null) : null;
  return rows.map((r) => {
    const latest = r.deployments[0] ?? null;
    const instances = runtime ? (runtime.get(r.id) ?? { desired: 0, running: 0 }) : null;
    const hasRelease = r.currentRelease !== null;
    return {
      name: r.name,
      webUrl: appUrl(deps.config, tenant, r.name),
      status: deriveAppStatus({ latestDeployment: latest, hasCurrentRelease: hasRelease, runtime: hasRelease ? instances : null, stopped: !!r.stoppedAt, crashed: !!r.crashedAt }),
      lastDeployFailed: lastDeployFailed(latest, hasRelease),
      currentRelease: r.currentRelease,
      latestDeployment: latest,
      instances,
    };
  });
}
