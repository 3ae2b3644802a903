import type { DbClient } from "@berth/db/client";
import { assertInstanceQuota, quotaOf } from "../quotas/tenant-quota";
import { processTypesOf } from "./process-plan";

/**
 * Instances the tenant's apps are set to run, summed over every app and process type (a type
 * without a formation row runs one; an app not deployed yet counts its one web instance).
 * `override` gives one app's types and quantities, to test a scale or a release before it happens.
 * Stopped apps count with their formation: starting them again must not exceed the quota.
 */
export async function tenantReplicaTotal(db: DbClient, tenantId: string, override?: { appId: string; quantities: Record<string, number> }): Promise<number> {
  const apps = await db.app.findMany({
    where: { tenantId },
    select: { id: true, currentRelease: { select: { processTypes: true } }, formations: { select: { type: true, quantity: true } } },
  });
  let total = 0;
  for (const app of apps) {
    // The overridden app is counted with exactly the types given (a new release may add or drop some).
    const types = override?.appId === app.id ? Object.keys(override.quantities) : Object.keys(processTypesOf(app.currentRelease?.processTypes ?? {}));
    for (const type of types) {
      const overridden = override?.appId === app.id ? override.quantities[type] : undefined;
      total += overridden ?? app.formations.find((f) => f.type === type)?.quantity ?? 1;
    }
  }
  return total;
}

/** Refuses a formation change that would exceed maxReplicas, maxCpuPerInstance or maxMemoryMbPerInstance. */
export async function assertFormationQuota(
  tx: DbClient,
  tenant: { id: string; name: string },
  change: { appId: string; quantities: Record<string, number>; cpu: Array<number | null>; memoryMb: Array<number | null> },
): Promise<void> {
  const quota = await quotaOf(tx, tenant.id);
  for (const cpu of change.cpu) if (cpu !== null) assertInstanceQuota(quota, tenant.name, { cpu });
  for (const memoryMb of change.memoryMb) if (memoryMb !== null) assertInstanceQuota(quota, tenant.name, { memoryMb });
  if (quota.maxReplicas !== null) {
    assertInstanceQuota(quota, tenant.name, { replicas: await tenantReplicaTotal(tx, tenant.id, { appId: change.appId, quantities: change.quantities }) });
  }
}
