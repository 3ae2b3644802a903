import { z } from "zod";
import { ZRole } from "./tenant.schema";

export const ZListMembersOutput = z.object({
  tenant: z.string(),
  myRole: ZRole,
  members: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string().nullable(), role: ZRole, joinedAt: z.date() })),
  invitations: z.array(z.object({ id: z.string(), email: z.string(), role: ZRole, expiresAt: z.date() })),
});
export type TListMembersOutput = z.infer<typeof ZListMembersOutput>;
