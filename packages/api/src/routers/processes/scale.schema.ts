import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZFormationChange = z.object({
  type: z.string().min(1).max(20),
  quantity: z.number().int().min(0).max(100).optional(),
  cpu: z.number().min(0.01).max(64).nullable().optional().describe("CPUs per instance; null removes the limit"),
  memoryMb: z.number().int().min(16).max(1_048_576).nullable().optional().describe("MB per instance; null removes the limit"),
});

export const ZScaleInput = z.object({ tenant: ZTenantName, app: ZAppName, changes: z.array(ZFormationChange).min(1).max(20) });
export type TScaleInput = z.infer<typeof ZScaleInput>;

export const ZScaleOutput = z.object({
  formation: z.array(z.object({ type: z.string(), quantity: z.number(), cpu: z.number().nullable(), memoryMb: z.number().nullable() })),
});
