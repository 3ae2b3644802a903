import { readRuntimeLogs } from "@berth/core/runtime/read-runtime-logs";
import { getConfig, getDb } from "../../../../../../../../server/services";
import { plainResponse, sseEvent, sseResponse, streamUser } from "../../../../../../../../server/sse";

export const dynamic = "force-dynamic";

/** How long one wait for new lines lasts; leaving the page stops the loop at the latest this much later. */
const WAIT_MS = 10_000;

/**
 * Runtime logs of the app's instances, live: the last lines first, then each new line as the
 * instances write it (the same long poll `berth logs --tail` uses, turned into events). Each page's
 * last line carries the page's cursor as its event id, so a reconnect resumes after it.
 * Members of the app's tenant only; anyone else gets 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  const user = await streamUser(request);
  if (!user) return plainResponse(401, "Sign in to read this app's logs.");
  const deps = { db: getDb(), config: getConfig() };
  const ref = { userId: user.id, tenant: decodeURIComponent(p.tenant), app: decodeURIComponent(p.app) };
  const type = new URL(request.url).searchParams.get("type") || undefined;
  const resume = request.headers.get("last-event-id") || undefined;
  let first;
  try {
    first = await readRuntimeLogs(deps, { ...ref, type, ...(resume ? { after: resume } : { tail: 200 }) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === "INVALID_INPUT" ? plainResponse(400, (err as { userMessage?: string }).userMessage ?? "Bad request.") : plainResponse(404, "No such app.");
  }
  return sseResponse(request, async function* (signal) {
    let page = first;
    for (;;) {
      for (const [i, l] of page.lines.entries()) yield sseEvent({ event: "log", data: l, id: i === page.lines.length - 1 ? page.cursor : undefined });
      if (page.lines.length === 0) yield sseEvent({ event: "cursor", data: page.cursor, id: page.cursor });
      if (signal.aborted) return;
      page = await readRuntimeLogs(deps, { ...ref, type, after: page.cursor, waitMs: WAIT_MS });
    }
  });
}
