import { getAppInfo } from "@berth/core/apps/get-app-info";
import { signedInProcedure } from "../../trpc";
import { ZGetAppInfoInput, ZGetAppInfoOutput } from "./get-app-info.schema";

export const getAppInfoProcedure = signedInProcedure
  .input(ZGetAppInfoInput)
  .output(ZGetAppInfoOutput)
  .query(({ ctx, input }) => getAppInfo(ctx, { userId: ctx.user.id, ...input }));
