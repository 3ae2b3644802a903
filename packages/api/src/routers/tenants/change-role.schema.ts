import { z } from "zod";
import { ZMemberId, ZRole, ZTenantName } from "./tenant.schema";

export const ZChangeRoleInput = z.object({ tenant: ZTenantName, memberId: ZMemberId, role: ZRole });
export type TChangeRoleInput = z.infer<typeof ZChangeRoleInput>;
export const ZChangeRoleOutput = z.object({ role: ZRole });
