import { getHealthChecks } from "@berth/core/runtime/health-check-settings";
import { signedInProcedure } from "../../trpc";
import { ZListHealthChecksInput, ZListHealthChecksOutput } from "./health-checks.schema";

/** The health check of each process type, defaults included (viewer and above). */
export const listHealthChecksProcedure = signedInProcedure
  .input(ZListHealthChecksInput)
  .output(ZListHealthChecksOutput)
  .query(({ ctx, input }) => getHealthChecks(ctx, { userId: ctx.user.id, ...input }));
