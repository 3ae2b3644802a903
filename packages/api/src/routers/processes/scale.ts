import { scaleProcesses } from "@berth/core/runtime/scale-processes";
import { signedInProcedure } from "../../trpc";
import { ZScaleInput, ZScaleOutput } from "./scale.schema";

/** `berth scale APP web=3 worker=1`: instances and per-instance limits, within the tenant's quotas (developer+). */
export const scaleProcedure = signedInProcedure
  .input(ZScaleInput)
  .output(ZScaleOutput)
  .mutation(async ({ ctx, input }) => ({ formation: await scaleProcesses(ctx, { userId: ctx.user.id, ...input }) }));
