import { listAppStatuses } from "@berth/core/console/list-app-statuses";
import { signedInProcedure } from "../../trpc";
import { ZListAppStatusesInput, ZListAppStatusesOutput } from "./list-app-statuses.schema";

/** The console's apps list: status in one word (live, deploying, failed, crashed…), release and URL. */
export const listAppStatusesProcedure = signedInProcedure
  .input(ZListAppStatusesInput)
  .output(ZListAppStatusesOutput)
  .query(({ ctx, input }) => listAppStatuses(ctx, { userId: ctx.user.id, tenant: input.tenant }));
