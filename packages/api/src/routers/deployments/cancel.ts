import { cancelDeployment } from "@berth/core/deployments/cancel-deployment";
import { signedInProcedure } from "../../trpc";
import { ZCancelDeploymentInput, ZCancelDeploymentOutput } from "./cancel.schema";

/** Stops a build or rollout; the previous release keeps serving. Follow it with deployments.progress. */
export const cancelDeploymentProcedure = signedInProcedure
  .input(ZCancelDeploymentInput)
  .output(ZCancelDeploymentOutput)
  .mutation(({ ctx, input }) => cancelDeployment(ctx, { userId: ctx.user.id, ...input }));
