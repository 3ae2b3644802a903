import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZListReleasesInput = z.object({ tenant: ZTenantName, app: ZAppName, limit: z.number().int().min(1).max(500).optional() });
export type TListReleasesInput = z.infer<typeof ZListReleasesInput>;

export const ZReleaseSummary = z.object({
  version: z.number(),
  kind: z.enum(["build", "config", "rollback"]),
  status: z.enum(["pending", "live", "failed", "superseded"]),
  current: z.boolean(),
  imageDigest: z.string(),
  imageRef: z.string(),
  description: z.string(),
  sourceCommit: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

export const ZListReleasesOutput = z.array(ZReleaseSummary);
export type TListReleasesOutput = z.infer<typeof ZListReleasesOutput>;
