import { z } from "zod";
import { ZAppName, ZTenantName } from "./app-ref.schema";

export const ZCreateAppInput = z.object({ tenant: ZTenantName, name: ZAppName });
export type TCreateAppInput = z.infer<typeof ZCreateAppInput>;

export const ZCreateAppOutput = z.object({ name: z.string(), tenant: z.string(), gitUrl: z.string(), webUrl: z.string() });
export type TCreateAppOutput = z.infer<typeof ZCreateAppOutput>;
