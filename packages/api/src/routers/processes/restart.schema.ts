import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZRestartInput = z.object({ tenant: ZTenantName, app: ZAppName, type: z.string().min(1).max(20).optional() });
export const ZRestartOutput = z.object({ restarted: z.array(z.string()) });
