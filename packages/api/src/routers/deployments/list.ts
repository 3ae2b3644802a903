import { listAppDeployments } from "@berth/core/console/list-deployments";
import { signedInProcedure } from "../../trpc";
import { ZListDeploymentsInput, ZListDeploymentsOutput } from "../console/list-deployments.schema";

/** An app's deployments, newest first (`berth deploys APP`); the same read model as the console's list. */
export const listDeploymentsProcedure = signedInProcedure
  .input(ZListDeploymentsInput)
  .output(ZListDeploymentsOutput)
  .query(({ ctx, input }) => listAppDeployments(ctx.db, { userId: ctx.user.id, ...input }));
