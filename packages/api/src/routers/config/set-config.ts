import { setConfig } from "@berth/core/config-vars/set-config";
import { signedInProcedure } from "../../trpc";
import { ZSetConfigInput, ZSetConfigOutput } from "./set-config.schema";

export const setConfigProcedure = signedInProcedure
  .input(ZSetConfigInput)
  .output(ZSetConfigOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await setConfig(ctx, { userId: ctx.user.id, ...input });
    // Only the keys go back: values may be secrets and the caller already has the ones it sent.
    return { deploymentId: result.deploymentId, description: result.description, changed: result.changed, keys: Object.keys(result.config) };
  });
