import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { tenantNotFound } from "../tenants/tenant-access";

export const MAX_SUSPEND_REASON = 500;

export interface TenantSuspension {
  tenant: string;
  suspendedAt: Date | null;
  suspendedReason: string | null;
}

/**
 * Suspends a tenant (platform admins only; the API checks that). Members keep read access, so they
 * can see why; every change and deploy is refused until a platform admin resumes it. Suspending
 * again only updates the reason; the first suspension time is kept.
 */
export async function suspendTenant(db: DbClient, input: { tenant: string; reason: string }): Promise<TenantSuspension> {
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
    select: { name: true, suspendedAt: true, suspendedReason: true },
  });
  return { tenant: row.name, suspendedAt: row.suspendedAt, suspendedReason: row.suspendedReason };
}

/** Lifts a suspension; resuming a tenant that is not suspended changes nothing. */
export async function resumeTenant(db: DbClient, input: { tenant: string }): Promise<TenantSuspension> {
  const current = await db.tenant.findUnique({ where: { name: input.tenant }, select: { id: true } });
  if (!current) throw tenantNotFound(input.tenant);
  const row = await db.tenant.update({
    where: { id: current.id },
    data: { suspendedAt: null, suspendedReason: null },
    select: { name: true, suspendedAt: true, suspendedReason: true },
  });
  return { tenant: row.name, suspendedAt: row.suspendedAt, suspendedReason: row.suspendedReason };
}
