import type { DbClient } from "@berth/db/client";
import type { Role } from "../tenants/roles";
import { hashInvitationToken } from "./invitation-token";

export type InvitationState = "open" | "accepted" | "expired";

export interface InvitationPreview {
  tenant: string;
  role: Role;
  email: string;
  state: InvitationState;
  expiresAt: Date;
}

/** What the invite page shows before anyone accepts; null for a link that never existed. */
export async function getInvitation(db: DbClient, { token }: { token: string }): Promise<InvitationPreview | null> {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, tenant: { select: { name: true } } },
  });
  if (!row) return null;
  const state: InvitationState = row.acceptedAt ? "accepted" : row.expiresAt.getTime() <= Date.now() ? "expired" : "open";
  return { tenant: row.tenant.name, role: row.role, email: row.email, state, expiresAt: row.expiresAt };
}
