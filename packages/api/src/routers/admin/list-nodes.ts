import { listSwarmNodesOf } from "@berth/core/admin/list-swarm-nodes";
import { platformAdminProcedure } from "../../trpc";
import { ZListNodesOutput } from "./list-nodes.schema";

export const listNodesProcedure = platformAdminProcedure.output(ZListNodesOutput).query(({ ctx }) => listSwarmNodesOf(ctx.config));
