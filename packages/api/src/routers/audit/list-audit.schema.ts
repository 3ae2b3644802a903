import { z } from "zod";
import { ZTenantName } from "../apps/app-ref.schema";

export const ZListAuditInput = z.object({
  tenant: ZTenantName,
  /** e.g. "config.set". */
  action: z.string().max(100).optional(),
  /** The actor's email. */
  actor: z.string().max(320).optional(),
  /** ISO date-time: only events at or after it. */
  since: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TListAuditInput = z.infer<typeof ZListAuditInput>;

export const ZAuditEvent = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  details: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  interface: z.enum(["console", "api", "cli", "git", "platform"]),
  createdAt: z.date(),
});

export const ZListAuditOutput = z.object({ events: z.array(ZAuditEvent), nextCursor: z.string().nullable() });
export type TListAuditOutput = z.infer<typeof ZListAuditOutput>;
