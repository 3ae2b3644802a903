import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { ensureOverlayNetwork } from "@berth/docker/networks";
import { applyService, listServiceNames, removeService } from "@berth/docker/services";
import { connectRouterToNetwork } from "@berth/router/router-networks";
import { ensureHealthcheckTools } from "../runtime/healthcheck-tools";
import { loadRuntimeSettings } from "../runtime/load-runtime-settings";
import { tenantReplicaTotal } from "../runtime/replica-quota";
import { containerCommand, planProcesses, type ProcessPlan } from "../runtime/process-plan";
import { DeploymentFailure } from "./deployment-failure";
import {
  APP_ID_LABEL,
  APP_PORT,
  appImageRepository,
  appLabels,
  MANAGED_LABEL,
  PROCESS_TYPE_LABEL,
  processServiceName,
  RELEASE_LABEL,
  TENANT_LABEL,
  tenantNetworkName,
} from "./runtime-names";

export interface RuntimeApp {
  id: string;
  name: string;
  tenant: { id: string; name: string };
}

export interface RuntimeRelease {
  id: string;
  imageDigest: string;
  /** The release's config snapshot, decrypted: the only place plain values are needed is the service's env. */
  config: Record<string, string>;
  /** The release's process types (name → command); read from its row when left out. */
  processTypes?: unknown;
}

export interface ApplyReleaseDeps {
  db: DbClient;
  docker: DockerClient;
  config: Pick<BerthConfig, "router" | "registry" | "dataDir">;
}

/** Seconds an old instance gets after SIGTERM to finish its in-flight requests before it is killed. */
export const STOP_GRACE_SEC = 30;

/** The release's config snapshot as environment variables; PORT is always the platform's. */
export function releaseEnv(config: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  if (config && typeof config === "object" && !Array.isArray(config)) {
    for (const [k, v] of Object.entries(config as Record<string, unknown>)) if (typeof v === "string") env[k] = v;
  }
  env.PORT = String(APP_PORT);
  return env;
}

/** Makes sure the tenant's network exists and the router is on it; returns the network's name. */
export async function ensureTenantNetwork(docker: DockerClient, config: Pick<BerthConfig, "router">, tenant: { id: string; name: string }): Promise<string> {
  const network = tenantNetworkName(tenant.id);
  await ensureOverlayNetwork(docker, network, { [MANAGED_LABEL]: "true", [TENANT_LABEL]: tenant.name });
  await connectRouterToNetwork(docker, config, network);
  return network;
}

/** What should run for the release: its process types with the app's formation and health checks. */
export async function planRelease(db: DbClient, appId: string, release: Pick<RuntimeRelease, "id" | "processTypes">): Promise<ProcessPlan[]> {
  const processTypes =
    release.processTypes ?? (await db.release.findUnique({ where: { id: release.id }, select: { processTypes: true } }))?.processTypes ?? {};
  let plans: ProcessPlan[];
  try {
    plans = planProcesses({ processTypes, ...(await loadRuntimeSettings(db, appId)) });
  } catch (err) {
    throw new DeploymentFailure(err instanceof Error ? err.message : String(err));
  }
  return plans;
}

/**
 * A new release may bring new process types (one instance each): the tenant's maxReplicas still
 * holds. Only for a release that is not yet the app's current one: putting the serving release
 * back (a failed deploy, a reconciler repair) must never be refused.
 */
async function assertReleaseWithinQuota(db: DbClient, appId: string, releaseId: string, plans: ProcessPlan[]): Promise<void> {
  const app = await db.app.findUnique({
    where: { id: appId },
    select: { currentReleaseId: true, tenant: { select: { id: true, name: true, quota: { select: { maxReplicas: true } } } } },
  });
  const max = app?.tenant.quota?.maxReplicas ?? null;
  if (!app || max === null || app.currentReleaseId === releaseId) return;
  const quantities = Object.fromEntries(plans.map((p) => [p.type, p.replicas]));
  const total = await tenantReplicaTotal(db, app.tenant.id, { appId, quantities });
  if (total > max) {
    throw new DeploymentFailure(
      `Quota exceeded: this release runs ${plans.map((p) => `${p.type}=${p.replicas}`).join(" ")}, which brings "${app.tenant.name}" to ${total} instances; ` +
        `it allows ${max} (maxReplicas = ${max}). Scale a process type down (berth scale) or ask a platform admin to raise the quota.`,
    );
  }
}

/**
 * The one way to make Swarm run a release: one service per process type
 * (berth-app-<appId>-<type>, dnsrr, tenant network only), image pinned by digest, env from the
 * release's config snapshot, instances and limits from the formation, Docker health checks from
 * the app's settings (the check tools mounted read-only). A first release creates the services;
 * later ones roll each service over start-first. Services of process types the release no longer
 * has are removed. Returns "created" when the web service (or the first one) was created.
 */
export async function applyReleaseService(deps: ApplyReleaseDeps, app: RuntimeApp, release: RuntimeRelease): Promise<"created" | "updated"> {
  // Independent of each other, and every deploy waits for them: asked at once.
  const [plans, network, checkMounts] = await Promise.all([
    planRelease(deps.db, app.id, release).then(async (p) => {
      await assertReleaseWithinQuota(deps.db, app.id, release.id, p);
      return p;
    }),
    ensureTenantNetwork(deps.docker, deps.config, app.tenant),
    ensureHealthcheckTools(deps.config.dataDir),
  ]);
  const image = `${appImageRepository(deps.config, app.tenant.name, app.name)}@${release.imageDigest}`;
  const env = releaseEnv(release.config); // never logged: the spec goes to the engine only
  let first: "created" | "updated" | undefined;
  for (const plan of plans) {
    const { outcome } = await applyService(deps.docker, {
      name: processServiceName(app.id, plan.type),
      image,
      env,
      labels: { ...appLabels(app), [RELEASE_LABEL]: release.id, [PROCESS_TYPE_LABEL]: plan.type },
      networks: [network],
      replicas: plan.replicas,
      command: containerCommand(plan.command),
      healthcheck: plan.healthcheck,
      cpu: plan.cpu,
      memoryMb: plan.memoryMb,
      mounts: [checkMounts.tools],
      tmpfs: [checkMounts.state],
      stopGraceSec: STOP_GRACE_SEC,
    });
    first ??= outcome;
  }
  const wanted = new Set(plans.map((p) => processServiceName(app.id, p.type)));
  for (const name of await listServiceNames(deps.docker, { [APP_ID_LABEL]: app.id })) {
    if (!wanted.has(name)) await removeService(deps.docker, name);
  }
  return first ?? "updated";
}

/** Every Swarm service of the app, whatever release or process type (for removal and listings). */
export function appServiceNames(docker: DockerClient, appId: string): Promise<string[]> {
  return listServiceNames(docker, { [APP_ID_LABEL]: appId });
}
