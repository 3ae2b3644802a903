import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

/** Values come back masked unless `reveal` is true (developer or above). */
export const ZListConfigInput = z.object({ tenant: ZTenantName, app: ZAppName, reveal: z.boolean().default(false) });
export type TListConfigInput = z.infer<typeof ZListConfigInput>;

export const ZListConfigOutput = z.record(z.string(), z.string());
export type TListConfigOutput = z.infer<typeof ZListConfigOutput>;
