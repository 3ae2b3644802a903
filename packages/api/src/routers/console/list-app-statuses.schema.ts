import { z } from "zod";
import { ZTenantName } from "../apps/app-ref.schema";

export const ZAppStatus = z.enum(["deploying", "live", "crashed", "stopped", "failed", "new"]);

export const ZListAppStatusesInput = z.object({ tenant: ZTenantName });
export type TListAppStatusesInput = z.infer<typeof ZListAppStatusesInput>;

export const ZListAppStatusesOutput = z.array(
  z.object({
    name: z.string(),
    webUrl: z.string(),
    status: ZAppStatus,
    lastDeployFailed: z.boolean(),
    currentRelease: z.object({ version: z.number(), description: z.string(), createdAt: z.date() }).nullable(),
    latestDeployment: z.object({ id: z.string(), status: z.string(), createdAt: z.date() }).nullable(),
    instances: z.object({ desired: z.number(), running: z.number() }).nullable(),
  }),
);
export type TListAppStatusesOutput = z.infer<typeof ZListAppStatusesOutput>;
