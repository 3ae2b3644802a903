import { setHealthCheck } from "@berth/core/runtime/health-check-settings";
import { signedInProcedure } from "../../trpc";
import { ZHealthCheck, ZSetHealthCheckInput } from "./health-checks.schema";

/** `berth healthcheck:set`: changes one process type's check; instances roll over to it start-first (developer+). */
export const setHealthCheckProcedure = signedInProcedure
  .input(ZSetHealthCheckInput)
  .output(ZHealthCheck)
  .mutation(({ ctx, input }) => setHealthCheck(ctx, { userId: ctx.user.id, ...input }));
