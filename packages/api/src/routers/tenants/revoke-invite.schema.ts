import { z } from "zod";
import { ZTenantName } from "./tenant.schema";

export const ZRevokeInviteInput = z.object({ tenant: ZTenantName, invitationId: z.string().trim().min(1, "Name the invitation to withdraw.").max(100) });
export type TRevokeInviteInput = z.infer<typeof ZRevokeInviteInput>;

export const ZRevokeInviteOutput = z.object({ id: z.string(), email: z.string() });
export type TRevokeInviteOutput = z.infer<typeof ZRevokeInviteOutput>;
