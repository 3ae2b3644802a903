import { listAppDeployments } from "@berth/core/console/list-deployments";
import { signedInProcedure } from "../../trpc";
import { ZListDeploymentsInput, ZListDeploymentsOutput } from "./list-deployments.schema";

export const listDeploymentsProcedure = signedInProcedure
  .input(ZListDeploymentsInput)
  .output(ZListDeploymentsOutput)
  .query(({ ctx, input }) => listAppDeployments(ctx.db, { userId: ctx.user.id, ...input }));
