import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import { checkEmail } from "../auth/account-rules";
import { normalizeEmail } from "../auth/normalize-email";
import { AppError } from "../errors/app-error";
import type { Role } from "../tenants/roles";
import { requireTenantRole } from "../tenants/tenant-access";
import { generateInvitationToken, hashInvitationToken, INVITATION_TTL_MS, invitationUrl } from "./invitation-token";

export interface CreateInvitationInput {
  userId: string;
  tenant: string;
  email: string;
  role: Role;
}

export interface CreatedInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** The only copy of the link: Berth sends no mail, so the inviter passes it on. */
  url: string;
}

export async function createInvitation(
  deps: { db: DbClient; config: Pick<BerthConfig, "web"> },
  input: CreateInvitationInput,
): Promise<CreatedInvitation> {
  const { db, config } = deps;
  const actor = await requireTenantRole(db, input, "admin");
  if (input.role === "owner" && actor.role !== "owner") {
    throw new AppError("FORBIDDEN", { userMessage: "Only an owner can invite someone as an owner." });
  }
  const email = normalizeEmail(input.email);
  checkEmail(email);
  const already = await db.membership.count({ where: { tenantId: actor.tenantId, user: { email } } });
  if (already) throw new AppError("CONFLICT", { userMessage: `${email} is already a member of "${input.tenant}".` });

  const token = generateInvitationToken();
  const row = await db.invitation.create({
    data: {
      tenantId: actor.tenantId,
      email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedById: input.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return { ...row, url: invitationUrl(config.web.publicUrl, token) };
}
