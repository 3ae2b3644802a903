import { z } from "zod";
import { ZHealthCheckFields } from "@berth/core/runtime/health-check-settings";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export { ZAppRefInput as ZListHealthChecksInput } from "../apps/app-ref.schema";

export const ZHealthCheck = ZHealthCheckFields.extend({
  type: z.string(),
  custom: z.boolean().describe("false: the defaults apply (TCP on $PORT for web, none for other types)"),
  describes: z.string(),
});
export const ZListHealthChecksOutput = z.array(ZHealthCheck);

/** Fields left out keep their value; `path: null` makes it a TCP check; `reset` goes back to the defaults. */
export const ZSetHealthCheckInput = ZHealthCheckFields.partial().extend({
  tenant: ZTenantName,
  app: ZAppName,
  type: z.string().min(1).max(20).default("web"),
  reset: z.boolean().optional(),
});
export type TSetHealthCheckInput = z.infer<typeof ZSetHealthCheckInput>;
