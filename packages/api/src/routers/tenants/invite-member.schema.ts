import { z } from "zod";
import { ZRole, ZTenantName } from "./tenant.schema";

export const ZInviteMemberInput = z.object({
  tenant: ZTenantName,
  email: z.string().trim().min(1, "Enter the email address of the person to invite.").max(320, "That email address is too long.").email("Enter a valid email address."),
  role: ZRole,
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZInviteMemberOutput = z.object({ id: z.string(), email: z.string(), role: ZRole, expiresAt: z.date(), url: z.string() });
export type TInviteMemberOutput = z.infer<typeof ZInviteMemberOutput>;
