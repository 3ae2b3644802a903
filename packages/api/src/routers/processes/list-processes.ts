import { listProcesses } from "@berth/core/runtime/list-processes";
import { signedInProcedure } from "../../trpc";
import { ZListProcessesInput, ZListProcessesOutput } from "./list-processes.schema";

/** `berth ps`: process types, their formation and live instances (viewer and above). */
export const listProcessesProcedure = signedInProcedure
  .input(ZListProcessesInput)
  .output(ZListProcessesOutput)
  .query(({ ctx, input }) => listProcesses(ctx, { userId: ctx.user.id, ...input }));
