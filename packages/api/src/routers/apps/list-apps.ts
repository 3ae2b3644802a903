import { listApps } from "@berth/core/apps/list-apps";
import { signedInProcedure } from "../../trpc";
import { ZListAppsInput, ZListAppsOutput } from "./list-apps.schema";

export const listAppsProcedure = signedInProcedure
  .input(ZListAppsInput)
  .output(ZListAppsOutput)
  .query(({ ctx, input }) => listApps(ctx, { userId: ctx.user.id, tenant: input.tenant }));
