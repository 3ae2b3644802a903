import { readRuntimeLogs } from "@berth/core/runtime/read-runtime-logs";
import { signedInProcedure } from "../../trpc";
import { ZReadLogsInput, ZReadLogsOutput } from "./read-logs.schema";

/**
 * Runtime logs of the app's instances (viewer and above). Call without `after` for the last lines,
 * then again with the returned cursor and `waitMs` to follow: each call answers as soon as new
 * lines arrive (a long poll), which is how `berth logs --tail` streams.
 */
export const readLogsProcedure = signedInProcedure
  .input(ZReadLogsInput)
  .output(ZReadLogsOutput)
  .query(({ ctx, input }) => readRuntimeLogs(ctx, { userId: ctx.user.id, ...input }));
