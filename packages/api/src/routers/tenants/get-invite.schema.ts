import { z } from "zod";
import { ZInviteToken, ZRole } from "./tenant.schema";

export const ZGetInviteInput = z.object({ token: ZInviteToken });
export const ZGetInviteOutput = z
  .object({ tenant: z.string(), role: ZRole, email: z.string(), state: z.enum(["open", "accepted", "expired"]), expiresAt: z.date() })
  .nullable();
export type TGetInviteOutput = z.infer<typeof ZGetInviteOutput>;
