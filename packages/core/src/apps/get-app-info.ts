import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { appNotFound, memberAppWhere, type AppRef } from "./app-scope";
import { appUrl, gitUrl } from "./app-url";

export interface AppInfo {
  name: string;
  tenant: string;
  gitUrl: string;
  webUrl: string;
  createdAt: Date;
  currentRelease: {
    version: number;
    kind: string;
    status: string;
    imageDigest: string;
    description: string;
    createdAt: Date;
  } | null;
  /** The newest deployment, whatever its outcome, so a failed push is visible next to what serves. */
  latestDeployment: { id: string; status: string; description: string; failureReason: string | null; createdAt: Date } | null;
  /** What runs: not-deployed, running, stopped (berth stop) or crashed (instances keep dying; see `berth ps`). */
  state: "not-deployed" | "running" | "stopped" | "crashed";
  crash: { at: Date; reason: string } | null;
}

export async function getAppInfo(deps: { db: DbClient; config: Pick<BerthConfig, "baseDomain" | "router" | "web"> }, ref: AppRef): Promise<AppInfo> {
  const row = await deps.db.app.findFirst({
    where: memberAppWhere(ref),
    select: {
      name: true,
      createdAt: true,
      stoppedAt: true,
      crashedAt: true,
      crashReason: true,
      currentRelease: { select: { version: true, kind: true, status: true, imageDigest: true, description: true, createdAt: true } },
      deployments: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true, description: true, failureReason: true, createdAt: true },
      },
    },
  });
  if (!row) throw appNotFound(ref);
  return {
    name: row.name,
    tenant: ref.tenant,
    gitUrl: gitUrl(deps.config, ref.tenant, row.name),
    webUrl: appUrl(deps.config, ref.tenant, row.name),
    createdAt: row.createdAt,
    currentRelease: row.currentRelease,
    latestDeployment: row.deployments[0] ?? null,
    state: !row.currentRelease ? "not-deployed" : row.stoppedAt ? "stopped" : row.crashedAt ? "crashed" : "running",
    crash: row.crashedAt ? { at: row.crashedAt, reason: row.crashReason ?? "" } : null,
  };
}
