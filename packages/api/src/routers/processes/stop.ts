import { stopApp } from "@berth/core/runtime/stop-start-app";
import { signedInProcedure } from "../../trpc";
import { ZStopStartInput, ZStopStartOutput } from "./stop-start.schema";

/** `berth stop APP`: 0 instances of every type; the formation is kept for start (developer+). */
export const stopProcedure = signedInProcedure
  .input(ZStopStartInput)
  .output(ZStopStartOutput)
  .mutation(({ ctx, input }) => stopApp(ctx, { userId: ctx.user.id, ...input }));
