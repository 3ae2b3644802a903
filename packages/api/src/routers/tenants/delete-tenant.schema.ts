import { z } from "zod";
import { ZTenantName } from "./tenant.schema";

export const ZDeleteTenantInput = z.object({ tenant: ZTenantName });
export type TDeleteTenantInput = z.infer<typeof ZDeleteTenantInput>;
export const ZDeleteTenantOutput = z.object({ deleted: z.literal(true) });
