import { listAuditEvents } from "@berth/core/audit/list-audit-events";
import { signedInProcedure } from "../../trpc";
import { ZListAuditInput, ZListAuditOutput } from "./list-audit.schema";

export const listAuditProcedure = signedInProcedure
  .input(ZListAuditInput)
  .output(ZListAuditOutput)
  .query(({ ctx, input }) =>
    listAuditEvents(ctx.db, { userId: ctx.user.id, ...input, since: input.since ? new Date(input.since) : undefined }),
  );
