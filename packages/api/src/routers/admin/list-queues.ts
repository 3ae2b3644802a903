import { listQueueCounts } from "@berth/core/admin/queue-overview";
import { platformAdminProcedure } from "../../trpc";
import { ZListQueuesOutput } from "./queues.schema";

export const listQueuesProcedure = platformAdminProcedure.output(ZListQueuesOutput).query(({ ctx }) => listQueueCounts(ctx.config));
