import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export const ZReadLogsInput = z.object({
  tenant: ZTenantName,
  app: ZAppName,
  type: z.string().min(1).max(20).optional().describe("Only this process type"),
  tail: z.number().int().min(0).max(1000).default(100).describe("Without after: how many of each instance's last lines"),
  after: z.string().max(30).optional().describe("The cursor of the previous page: only later lines"),
  waitMs: z.number().int().min(0).max(25_000).default(0).describe("With after: wait up to this long for a new line (long poll)"),
});
export type TReadLogsInput = z.infer<typeof ZReadLogsInput>;

export const ZReadLogsOutput = z.object({
  lines: z.array(z.object({ time: z.string(), instance: z.string(), stream: z.enum(["stdout", "stderr"]), line: z.string() })),
  cursor: z.string(),
});
