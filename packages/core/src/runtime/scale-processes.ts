import { withTransaction } from "@berth/db/client";
import type { AppRef } from "../apps/app-scope";
import { AppError } from "../errors/app-error";
import { lockTenant } from "../tenants/tenant-access";
import { assertFormationQuota } from "./replica-quota";
import { applyFormation } from "./apply-formation";
import { dockerOf, type RuntimeDeps } from "./runtime-deps";
import { knownTypes, loadRuntimeTarget } from "./runtime-target";

export const MAX_INSTANCES_PER_TYPE = 100;

export interface FormationChange {
  type: string;
  quantity?: number;
  /** CPUs per instance; null removes the limit. */
  cpu?: number | null;
  /** MB per instance; null removes the limit. */
  memoryMb?: number | null;
}

export interface FormationEntry {
  type: string;
  quantity: number;
  cpu: number | null;
  memoryMb: number | null;
}

/**
 * `berth scale APP web=3 worker=1 --cpu …`: writes the formation (checked against the tenant's
 * quotas in the same transaction, with the tenant row locked so two scales cannot both slip under
 * maxReplicas), then changes the running services' instance counts and limits in place. Only
 * those fields change, never the image: scaling while a deployment rolls out does not undo it.
 */
export async function scaleProcesses(deps: RuntimeDeps, input: AppRef & { changes: FormationChange[] }): Promise<FormationEntry[]> {
  const target = await loadRuntimeTarget(deps.db, input, "developer");
  const types = knownTypes(target);
  if (!input.changes.length) throw new AppError("INVALID_INPUT", { userMessage: "Say what to scale, e.g. web=2 or worker=1." });
  for (const change of input.changes) {
    if (!types.includes(change.type)) {
      throw new AppError("INVALID_INPUT", {
        userMessage: `"${input.app}" has no process type "${change.type}"; it has ${types.join(", ")}${target.release ? "" : " (process types come from the Procfile of the first deploy)"}.`,
      });
    }
    if (change.quantity !== undefined && (!Number.isInteger(change.quantity) || change.quantity < 0 || change.quantity > MAX_INSTANCES_PER_TYPE)) {
      throw new AppError("INVALID_INPUT", { userMessage: `${change.type}=${change.quantity}: the number of instances must be a whole number from 0 to ${MAX_INSTANCES_PER_TYPE}.` });
    }
    if (change.cpu !== undefined && change.cpu !== null && !(change.cpu >= 0.01 && change.cpu <= 64)) {
      throw new AppError("INVALID_INPUT", { userMessage: `CPU per instance must be between 0.01 and 64 (e.g. 0.5 for half a core).` });
    }
    if (change.memoryMb !== undefined && change.memoryMb !== null && !(Number.isInteger(change.memoryMb) && change.memoryMb >= 16 && change.memoryMb <= 1_048_576)) {
      throw new AppError("INVALID_INPUT", { userMessage: `Memory per instance must be a whole number of MB, at least 16 (e.g. 512).` });
    }
  }
  const formation = await withTransaction(deps.db, async (tx) => {
    await lockTenant(tx, target.tenant.id);
    const current = await tx.formation.findMany({ where: { appId: target.id }, select: { type: true, quantity: true, cpu: true, memoryMb: true } });
    const next = new Map<string, FormationEntry>(types.map((type) => [type, current.find((f) => f.type === type) ?? { type, quantity: 1, cpu: null, memoryMb: null }]));
    for (const change of input.changes) {
      const row = next.get(change.type) as FormationEntry;
      next.set(change.type, {
        type: change.type,
        quantity: change.quantity ?? row.quantity,
        cpu: change.cpu !== undefined ? change.cpu : row.cpu,
        memoryMb: change.memoryMb !== undefined ? change.memoryMb : row.memoryMb,
      });
    }
    const entries = [...next.values()];
    await assertFormationQuota(tx, target.tenant, {
      appId: target.id,
      quantities: Object.fromEntries(entries.map((e) => [e.type, e.quantity])),
      cpu: input.changes.filter((c) => c.cpu !== undefined).map((c) => c.cpu ?? null),
      memoryMb: input.changes.filter((c) => c.memoryMb !== undefined).map((c) => c.memoryMb ?? null),
    });
    for (const e of entries.filter((e) => input.changes.some((c) => c.type === e.type))) {
      await tx.formation.upsert({
        where: { appId_type: { appId: target.id, type: e.type } },
        create: { appId: target.id, type: e.type, quantity: e.quantity, cpu: e.cpu, memoryMb: e.memoryMb },
        update: { quantity: e.quantity, cpu: e.cpu, memoryMb: e.memoryMb },
      });
    }
    return entries;
  });
  await applyFormation({ ...deps, docker: dockerOf(deps) }, target.id);
  return formation;
}
