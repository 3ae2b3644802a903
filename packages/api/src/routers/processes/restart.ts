import { restartProcesses } from "@berth/core/runtime/restart-processes";
import { signedInProcedure } from "../../trpc";
import { ZRestartInput, ZRestartOutput } from "./restart.schema";

/** `berth restart APP [TYPE]`: a rolling, start-first replacement of every instance (developer+). */
export const restartProcedure = signedInProcedure
  .input(ZRestartInput)
  .output(ZRestartOutput)
  .mutation(({ ctx, input }) => restartProcesses(ctx, { userId: ctx.user.id, ...input }));
