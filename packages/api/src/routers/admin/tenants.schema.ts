import { z } from "zod";
import { ZTenantName } from "../apps/app-ref.schema";
import { ZTenantQuotaOutput } from "./tenant-quota.schema";

export const ZListAllTenantsOutput = z.array(
  z.object({
    name: z.string(),
    createdAt: z.date(),
    memberCount: z.number().int(),
    appCount: z.number().int(),
    owners: z.array(z.string()),
    suspendedAt: z.date().nullable(),
    suspendedReason: z.string().nullable(),
    quota: ZTenantQuotaOutput.omit({ tenant: true }),
  }),
);
export type TListAllTenantsOutput = z.infer<typeof ZListAllTenantsOutput>;

export const ZSuspendTenantInput = z.object({
  tenant: ZTenantName,
  reason: z.string().max(2_000, "The reason is too long: at most 500 characters."),
});
export type TSuspendTenantInput = z.infer<typeof ZSuspendTenantInput>;

export const ZResumeTenantInput = z.object({ tenant: ZTenantName });
export type TResumeTenantInput = z.infer<typeof ZResumeTenantInput>;

export const ZTenantSuspensionOutput = z.object({
  tenant: z.string(),
  suspendedAt: z.date().nullable(),
  suspendedReason: z.string().nullable(),
});
export type TTenantSuspensionOutput = z.infer<typeof ZTenantSuspensionOutput>;
