import { z } from "zod";
import { ZInviteToken, ZRole } from "./tenant.schema";

export const ZAcceptInviteInput = z.object({ token: ZInviteToken });
export type TAcceptInviteInput = z.infer<typeof ZAcceptInviteInput>;
export const ZAcceptInviteOutput = z.object({ tenant: z.string(), role: ZRole });
