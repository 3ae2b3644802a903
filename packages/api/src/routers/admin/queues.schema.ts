import { z } from "zod";
import { ADMIN_QUEUE_NAMES } from "@berth/core/admin/queue-overview";

export const ZQueueName = z.enum(ADMIN_QUEUE_NAMES);

export const ZListQueuesOutput = z.array(
  z.object({ name: ZQueueName, waiting: z.number(), active: z.number(), delayed: z.number(), failed: z.number(), completed: z.number(), paused: z.boolean() }),
);
export type TListQueuesOutput = z.infer<typeof ZListQueuesOutput>;

export const ZListFailedJobsInput = z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 });
export const ZListFailedJobsOutput = z.array(
  z.object({ queue: ZQueueName, id: z.string(), name: z.string(), data: z.unknown(), failedReason: z.string(), attemptsMade: z.number(), finishedOn: z.number().nullable() }),
);
export type TListFailedJobsOutput = z.infer<typeof ZListFailedJobsOutput>;

export const ZRetryJobInput = z.object({ queue: ZQueueName, id: z.string().min(1).max(200) });
export type TRetryJobInput = z.infer<typeof ZRetryJobInput>;
export const ZRetryJobOutput = z.object({ queue: ZQueueName, id: z.string() });
