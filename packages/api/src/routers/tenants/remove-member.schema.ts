import { z } from "zod";
import { ZMemberId, ZTenantName } from "./tenant.schema";

export const ZRemoveMemberInput = z.object({ tenant: ZTenantName, memberId: ZMemberId });
export type TRemoveMemberInput = z.infer<typeof ZRemoveMemberInput>;
export const ZRemoveMemberOutput = z.object({ removed: z.literal(true) });
