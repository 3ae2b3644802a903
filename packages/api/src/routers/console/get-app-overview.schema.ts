import { z } from "zod";
import { ZAppStatus } from "./list-app-statuses.schema";

export { ZAppRefInput as ZGetAppOverviewInput } from "../apps/app-ref.schema";

export const ZGetAppOverviewOutput = z.object({
  name: z.string(),
  tenant: z.string(),
  webUrl: z.string(),
  gitUrl: z.string(),
  myRole: z.enum(["owner", "admin", "developer", "viewer"]),
  status: ZAppStatus,
  lastDeployFailed: z.boolean(),
  currentRelease: z.object({ version: z.number(), description: z.string(), imageDigest: z.string(), createdAt: z.date() }).nullable(),
  latestDeployment: z.object({ id: z.string(), status: z.string(), description: z.string(), failureReason: z.string().nullable(), createdAt: z.date() }).nullable(),
  instances: z.object({ desired: z.number(), running: z.number() }).nullable(),
});
export type TGetAppOverviewOutput = z.infer<typeof ZGetAppOverviewOutput>;
