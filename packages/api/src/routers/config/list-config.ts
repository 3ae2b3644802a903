import { listConfig } from "@berth/core/config-vars/list-config";
import { signedInProcedure } from "../../trpc";
import { ZListConfigInput, ZListConfigOutput } from "./list-config.schema";

export const listConfigProcedure = signedInProcedure
  .input(ZListConfigInput)
  .output(ZListConfigOutput)
  .query(({ ctx, input }) => listConfig(ctx, { userId: ctx.user.id, ...input }));
