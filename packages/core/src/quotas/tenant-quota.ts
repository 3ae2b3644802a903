import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { tenantReplicaTotal } from "../runtime/replica-quota";

/** Limits of a tenant; null is unlimited. */
export interface TenantQuotaValues {
  maxApps: number | null;
  maxReplicas: number | null;
  maxCpuPerInstance: number | null;
  maxMemoryMbPerInstance: number | null;
}

export const UNLIMITED: TenantQuotaValues = { maxApps: null, maxReplicas: null, maxCpuPerInstance: null, maxMemoryMbPerInstance: null };

async function tenantIdOf(db: DbClient, tenant: string): Promise<string> {
  const row = await db.tenant.findUnique({ where: { name: tenant }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: `No tenant named "${tenant}".` });
  return row.id;
}

/** The quota of a tenant by id (unlimited when none was set). */
export async function quotaOf(db: DbClient, tenantId: string): Promise<TenantQuotaValues> {
  const row = await db.tenantQuota.findUnique({
    where: { tenantId },
    select: { maxApps: true, maxReplicas: true, maxCpuPerInstance: true, maxMemoryMbPerInstance: true },
  });
  return row ?? UNLIMITED;
}

/** For platform admins (the API checks that): any tenant by name. */
export async function getTenantQuota(db: DbClient, { tenant }: { tenant: string }): Promise<TenantQuotaValues & { tenant: string }> {
  return { tenant, ...(await quotaOf(db, await tenantIdOf(db, tenant))) };
}

/** Sets the fields given (null clears one to unlimited); fields left out keep their value. */
export async function setTenantQuota(
  db: DbClient,
  input: { tenant: string } & Partial<TenantQuotaValues>,
): Promise<TenantQuotaValues & { tenant: string }> {
  const tenantId = await tenantIdOf(db, input.tenant);
  const { tenant: _tenant, ...fields } = input;
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined && !(value > 0)) {
      throw new AppError("INVALID_INPUT", { userMessage: `${name} must be a positive number, or null for unlimited.` });
    }
  }
  const row = await db.tenantQuota.upsert({
    where: { tenantId },
    create: { tenantId, ...fields },
    update: fields,
    select: { maxApps: true, maxReplicas: true, maxCpuPerInstance: true, maxMemoryMbPerInstance: true },
  });
  return { tenant: input.tenant, ...row };
}

/**
 * Refuses one more app when the tenant is at its maxApps. Call it inside the transaction that
 * creates the app, after locking the tenant row, so two creates racing cannot both pass.
 */
export async function assertAppQuota(tx: DbClient, tenantId: string, tenantName: string): Promise<void> {
  const { maxApps, maxReplicas } = await quotaOf(tx, tenantId);
  if (maxApps === null && maxReplicas === null) return;
  const count = await tx.app.count({ where: { tenantId } });
  // A new app runs one web instance once deployed: one more replica than the formations add up to.
  if (maxReplicas !== null && (await tenantReplicaTotal(tx, tenantId)) + 1 > maxReplicas) {
    throw new AppError("FORBIDDEN", {
      message: `tenant ${tenantName} is at its maxReplicas quota (${maxReplicas})`,
      userMessage: `Quota reached: "${tenantName}" may run at most ${maxReplicas} replicas in total (maxReplicas = ${maxReplicas}), and a new app runs one. Scale an app down (berth scale) or ask a platform admin to raise the quota.`,
    });
  }
  if (maxApps !== null && count >= maxApps) {
    throw new AppError("FORBIDDEN", {
      message: `tenant ${tenantName} is at its maxApps quota (${maxApps})`,
      userMessage: `Quota reached: "${tenantName}" may have at most ${maxApps} app${maxApps === 1 ? "" : "s"} (maxApps = ${maxApps}). Destroy an app or ask a platform admin to raise the quota.`,
    });
  }
}

/** For the places that set replicas and limits (scaling, per-instance resources). */
export function assertInstanceQuota(
  quota: TenantQuotaValues,
  tenantName: string,
  wanted: { replicas?: number; cpu?: number; memoryMb?: number },
): void {
  const over = (name: keyof TenantQuotaValues, limit: number | null, value: number | undefined, unit: string) => {
    if (limit !== null && value !== undefined && value > limit) {
      throw new AppError("FORBIDDEN", { userMessage: `Quota exceeded: "${tenantName}" allows at most ${limit}${unit} (${name} = ${limit}); asked for ${value}${unit}.` });
    }
  };
  over("maxReplicas", quota.maxReplicas, wanted.replicas, " replicas in total");
  over("maxCpuPerInstance", quota.maxCpuPerInstance, wanted.cpu, " CPUs per instance");
  over("maxMemoryMbPerInstance", quota.maxMemoryMbPerInstance, wanted.memoryMb, " MB per instance");
}
