import { createApp } from "@berth/core/apps/create-app";
import { signedInProcedure } from "../../trpc";
import { ZCreateAppInput, ZCreateAppOutput } from "./create-app.schema";

export const createAppProcedure = signedInProcedure
  .input(ZCreateAppInput)
  .output(ZCreateAppOutput)
  .mutation(async ({ ctx, input }) => {
    const { name, tenant, gitUrl, webUrl } = await createApp(ctx, { userId: ctx.user.id, tenant: input.tenant, name: input.name });
    return { name, tenant, gitUrl, webUrl };
  });
