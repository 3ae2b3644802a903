import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { requireAppAccess, type AppRef } from "../apps/app-scope";
import { appUrl, gitUrl } from "../apps/app-url";
import { deriveAppStatus, lastDeployFailed, type AppStatus } from "./app-status";
import { readTenantRuntime } from "./read-app-runtime";

export interface AppOverview {
  name: string;
  tenant: string;
  webUrl: string;
  gitUrl: string;
  /** The caller's role in the tenant, so the page offers only what they may do. */
  myRole: string;
  status: AppStatus;
  lastDeployFailed: boolean;
  currentRelease: { version: number; description: string; imageDigest: string; createdAt: Date } | null;
  latestDeployment: { id: string; status: string; description: string; failureReason: string | null; createdAt: Date } | null;
  /** Desired and running instances of every process type; null when the Docker engine did not answer. */
  instances: { desired: number; running: number } | null;
}

/** Everything the app's overview tab shows, for a member of its tenant. */
export async function getAppOverview(deps: { db: DbClient; config: Pick<BerthConfig, "baseDomain" | "router" | "web" | "docker"> }, ref: AppRef): Promise<AppOverview> {
  const { id, role } = await requireAppAccess(deps.db, ref, "viewer");
  const row = await deps.db.app.findUniqueOrThrow({
    where: { id },
    select: {
      stoppedAt: true,
      crashedAt: true,
      currentRelease: { select: { version: true, description: true, imageDigest: true, createdAt: true } },
      deployments: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true, description: true, failureReason: true, createdAt: true } },
    },
  });
  // The instances themselves (health, release) are the runtime's processes.list; here only the counts the status needs.
  const runtimeByApp = await readTenantRuntime(connectDocker(deps.config.docker.socketPath), ref.tenant).catch(() => null);
  const instances = runtimeByApp ? (runtimeByApp.get(id) ?? { desired: 0, running: 0 }) : null;
  const latest = row.deployments[0] ?? null;
  const hasRelease = row.currentRelease !== null;
  return {
    name: ref.app,
    tenant: ref.tenant,
    webUrl: appUrl(deps.config, ref.tenant, ref.app),
    gitUrl: gitUrl(deps.config, ref.tenant, ref.app),
    myRole: role,
    status: deriveAppStatus({ latestDeployment: latest, hasCurrentRelease: hasRelease, runtime: hasRelease ? instances : null, stopped: !!row.stoppedAt, crashed: !!row.crashedAt }),
    lastDeployFailed: lastDeployFailed(latest, hasRelease),
    currentRelease: row.currentRelease,
    latestDeployment: latest,
    instances,
  };
}
