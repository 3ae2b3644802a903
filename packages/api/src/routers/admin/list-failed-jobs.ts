import { listFailedJobs } from "@berth/core/admin/queue-overview";
import { platformAdminProcedure } from "../../trpc";
import { ZListFailedJobsInput, ZListFailedJobsOutput } from "./queues.schema";

export const listFailedJobsProcedure = platformAdminProcedure
  .input(ZListFailedJobsInput)
  .output(ZListFailedJobsOutput)
  .query(({ ctx, input }) => listFailedJobs(ctx.config, input));
