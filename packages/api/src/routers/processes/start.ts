import { startApp } from "@berth/core/runtime/stop-start-app";
import { signedInProcedure } from "../../trpc";
import { ZStopStartInput, ZStopStartOutput } from "./stop-start.schema";

/** `berth start APP`: runs the kept formation again (developer+). */
export const startProcedure = signedInProcedure
  .input(ZStopStartInput)
  .output(ZStopStartOutput)
  .mutation(({ ctx, input }) => startApp(ctx, { userId: ctx.user.id, ...input }));
