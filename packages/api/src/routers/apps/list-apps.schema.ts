import { z } from "zod";
import { ZTenantName } from "./app-ref.schema";

export const ZListAppsInput = z.object({ tenant: ZTenantName });
export type TListAppsInput = z.infer<typeof ZListAppsInput>;

export const ZListAppsOutput = z.array(
  z.object({ name: z.string(), tenant: z.string(), webUrl: z.string(), currentVersion: z.number().nullable(), createdAt: z.date() }),
);
export type TListAppsOutput = z.infer<typeof ZListAppsOutput>;
