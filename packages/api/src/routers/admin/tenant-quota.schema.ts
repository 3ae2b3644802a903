import { z } from "zod";
import { ZTenantName } from "../apps/app-ref.schema";

export const ZGetTenantQuotaInput = z.object({ tenant: ZTenantName });
export type TGetTenantQuotaInput = z.infer<typeof ZGetTenantQuotaInput>;

const limit = (max: number) => z.number().positive().max(max).nullable().optional();

/** Fields left out keep their value; null makes one unlimited. */
export const ZSetTenantQuotaInput = z.object({
  tenant: ZTenantName,
  maxApps: limit(100_000).refine((v) => v == null || Number.isInteger(v), "maxApps is a whole number."),
  maxReplicas: limit(100_000).refine((v) => v == null || Number.isInteger(v), "maxReplicas is a whole number."),
  maxCpuPerInstance: limit(1024),
  maxMemoryMbPerInstance: limit(4 * 1024 * 1024).refine((v) => v == null || Number.isInteger(v), "maxMemoryMbPerInstance is a whole number."),
});
export type TSetTenantQuotaInput = z.infer<typeof ZSetTenantQuotaInput>;

export const ZTenantQuotaOutput = z.object({
  tenant: z.string(),
  maxApps: z.number().nullable(),
  maxReplicas: z.number().nullable(),
  maxCpuPerInstance: z.number().nullable(),
  maxMemoryMbPerInstance: z.number().nullable(),
});
export type TTenantQuotaOutput = z.infer<typeof ZTenantQuotaOutput>;
