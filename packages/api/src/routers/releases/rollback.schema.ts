import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZRollbackInput = z.object({ tenant: ZTenantName, app: ZAppName, version: z.number().int().min(1, "Versions start at v1.") });
export type TRollbackInput = z.infer<typeof ZRollbackInput>;

export const ZRollbackOutput = z.object({ deploymentId: z.string(), toVersion: z.number() });
export type TRollbackOutput = z.infer<typeof ZRollbackOutput>;
