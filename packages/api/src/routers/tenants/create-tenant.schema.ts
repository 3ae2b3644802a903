import { z } from "zod";
import { ZTenantName } from "./tenant.schema";

export const ZCreateTenantInput = z.object({ name: ZTenantName });
export type TCreateTenantInput = z.infer<typeof ZCreateTenantInput>;
export const ZCreateTenantOutput = z.object({ name: z.string() });
