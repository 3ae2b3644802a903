import { readMemberDeploymentProgress } from "@berth/core/releases/follow-deployment";
import { signedInProcedure } from "../../trpc";
import { ZGetProgressInput, ZGetProgressOutput } from "./get-progress.schema";

/** Polled by the CLI to follow a config change or rollback until it is live or failed. */
export const getProgressProcedure = signedInProcedure
  .input(ZGetProgressInput)
  .output(ZGetProgressOutput)
  .query(({ ctx, input }) => readMemberDeploymentProgress(ctx.db, { userId: ctx.user.id, ...input }));
