import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { syncRoutes } from "../deployments/sync-routes";
import { applyFormation } from "../runtime/apply-formation";
import { dockerOf, type RuntimeDeps } from "../runtime/runtime-deps";
import { tenantNotFound } from "../tenants/tenant-access";

export const MAX_SUSPEND_REASON = 500;

export interface TenantSuspension {
  tenant: string;
  suspendedAt: Date | null;
  suspendedReason: string | null;
}

/**
 * Suspends a tenant (platform admins only; the API checks that). Its apps stop running (their
 * services go to 0 instances; each app's own stopped flag is kept for the resume). Members keep
 * read access, so they can see why; every change and deploy is refused until a platform admin
 * resumes it. Suspending again only updates the reason; the first suspension time is kept.
 */
export async function suspendTenant(deps: RuntimeDeps, input: { tenant: string; reason: string }): Promise<TenantSuspension> {
  const { db } = deps;
  const reason = input.reason.trim();
  if (!reason) throw new AppError("INVALID_INPUT", { userMessage: "Give a reason for the suspension: the tenant's members are shown it." });
  if (reason.length > MAX_SUSPEND_REASON) {
    throw new AppError("INVALID_INPUT", { userMessage: `The reason is too long: at most ${MAX_SUSPEND_REASON} characters.` });
  }
  const current = await db.tenant.findUnique({ where: { name: input.tenant }, select: { suspendedAt: true } });
  if (!current) throw tenantNotFound(input.tenant);
  const row = await db.tenant.update({
    where: { name: input.tenant },
    data: { suspendedAt: current.suspendedAt ?? new Date(), suspendedReason: reason },
    select: { id: true, name: true, suspendedAt: true, suspendedReason: true },
  });
  await applyTenantFormations(deps, row.id);
  return { tenant: row.name, suspendedAt: row.suspendedAt, suspendedReason: row.suspendedReason };
}

/** Lifts a suspension: apps that ran before run again, health-gated as in a deploy. */
export async function resumeTenant(deps: RuntimeDeps, input: { tenant: string }): Promise<TenantSuspension> {
  const { db } = deps;
  const current = await db.tenant.findUnique({ where: { name: input.tenant }, select: { id: true } });
  if (!current) throw tenantNotFound(input.tenant);
  const row = await db.tenant.update({
    where: { id: current.id },
    data: { suspendedAt: null, suspendedReason: null },
    select: { name: true, suspendedAt: true, suspendedReason: true },
  });
  await applyTenantFormations(deps, current.id);
  await syncRoutes(deps);
  return { tenant: row.name, suspendedAt: row.suspendedAt, suspendedReason: row.suspendedReason };
}

/** Every app of the tenant to its stored formation, which reads the suspension (loadRuntimeSettings). */
async function applyTenantFormations(deps: RuntimeDeps, tenantId: string): Promise<void> {
  const docker = dockerOf(deps);
  const apps = await deps.db.app.findMany({ where: { tenantId }, select: { id: true } });
  for (const app of apps) await applyFormation({ db: deps.db, docker }, app.id);
}
