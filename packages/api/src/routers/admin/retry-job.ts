import { retryFailedJob } from "@berth/core/admin/queue-overview";
import { platformAdminProcedure } from "../../trpc";
import { ZRetryJobInput, ZRetryJobOutput } from "./queues.schema";

export const retryJobProcedure = platformAdminProcedure
  .input(ZRetryJobInput)
  .output(ZRetryJobOutput)
  .mutation(({ ctx, input }) => retryFailedJob(ctx.config, input));
