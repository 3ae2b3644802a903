import { getDeploymentDetail } from "@berth/core/console/get-deployment";
import { signedInProcedure } from "../../trpc";
import { ZGetDeploymentInput, ZGetDeploymentOutput } from "./get-deployment.schema";

/** One deployment with its build plan; its log comes from deployments.progress or the SSE stream. */
export const getDeploymentProcedure = signedInProcedure
  .input(ZGetDeploymentInput)
  .output(ZGetDeploymentOutput)
  .query(({ ctx, input }) => getDeploymentDetail(ctx.db, { userId: ctx.user.id, ...input }));
