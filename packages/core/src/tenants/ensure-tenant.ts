import type { DbClient } from "@berth/db/client";
import { AppError } from "../errors/app-error";
import { ZDnsLabel } from "../apps/dns-label";
import type { Role } from "./roles";

/**
 * Idempotent, for bring-up and admin tooling: the tenant with this name exists afterwards.
 * upsert rather than find-then-create, so two bring-ups racing do not fail on the unique name.
 */
export async function ensureTenant(db: DbClient, { name }: { name: string }): Promise<{ tenantId: string }> {
  const parsed = ZDnsLabel.safeParse(name);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", { userMessage: `"${name}" is not a valid tenant name: ${parsed.error.issues[0]?.message ?? "invalid"}` });
  }
  const tenant = await db.tenant.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
  return { tenantId: tenant.id };
}

/**
 * Idempotent: the user is a member of the tenant with exactly `role` afterwards (bring-up puts
 * the admin back as owner of the default tenant on every start, whatever happened to the row).
 */
export async function ensureMembership(
  db: DbClient,
  { tenantId, userId, role }: { tenantId: string; userId: string; role: Role },
): Promise<{ membershipId: string }> {
  const membership = await db.membership.upsert({
    where: { tenantId_userId: { tenantId, userId } },
    create: { tenantId, userId, role },
    update: { role },
    select: { id: true },
  });
  return { membershipId: membership.id };
}
