import { type Job, UnrecoverableError } from "bullmq";
import { InvalidJobPayloadError, isJobName, jobCatalog, type JobName, parsePayload } from "@berth/queue/catalog";
import type { HandlerContext } from "./handlers/context";
import { type Handler, handlers } from "./handlers/index";

/**
 * The BullMQ processor: re-validates the payload (Redis is not trusted to hold what a producer
 * validated), runs the job's handler, and enforces the catalog timeout, which BullMQ does not.
 */
export async function runJob(job: Job, base: Omit<HandlerContext, "signal">): Promise<unknown> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`Unknown job "${job.name}": not in the catalog.`);
  const name: JobName = job.name;
  let payload;
  try {
    payload = parsePayload(name, job.data);
  } catch (err) {
    // Retrying cannot fix a malformed payload.
    if (err instanceof InvalidJobPayloadError) throw new UnrecoverableError(err.message);
    throw err;
  }
  const { timeoutMs } = jobCatalog[name];
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`Job ${name} (${job.id}) exceeded its ${timeoutMs} ms timeout.`));
    }, timeoutMs);
  });
  try {
    const handler = handlers[name] as Handler<typeof name>;
    return await Promise.race([handler(payload, { ...base, signal: controller.signal }), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
