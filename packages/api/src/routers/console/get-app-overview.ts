import { getAppOverview } from "@berth/core/console/get-app-overview";
import { signedInProcedure } from "../../trpc";
import { ZGetAppOverviewInput, ZGetAppOverviewOutput } from "./get-app-overview.schema";

export const getAppOverviewProcedure = signedInProcedure
  .input(ZGetAppOverviewInput)
  .output(ZGetAppOverviewOutput)
  .query(async ({ ctx, input }) => {
    const overview = await getAppOverview(ctx, { userId: ctx.user.id, ...input });
    return { ...overview, myRole: overview.myRole as "owner" | "admin" | "developer" | "viewer" };
  });
