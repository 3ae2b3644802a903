import { destroyApp } from "@berth/core/apps/destroy-app";
import { signedInProcedure } from "../../trpc";
import { ZDestroyAppInput, ZDestroyAppOutput } from "./destroy-app.schema";

export const destroyAppProcedure = signedInProcedure
  .input(ZDestroyAppInput)
  .output(ZDestroyAppOutput)
  .mutation(({ ctx, input }) => destroyApp(ctx, { userId: ctx.user.id, tenant: input.tenant, app: input.app }));
