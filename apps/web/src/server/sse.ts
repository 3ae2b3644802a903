import { resolveSession, type SessionUser } from "@berth/core/auth/sessions";
import { SESSION_COOKIE_NAME } from "@berth/api/http/session-cookie";
import { getDb } from "./services";

/** One server-sent event; `id` is what the browser sends back as Last-Event-ID when it reconnects. */
export function sseEvent({ event, data, id }: { event: string; data: unknown; id?: number | string }): string {
  const body = (typeof data === "string" ? data : JSON.stringify(data)).split("\n").map((l) => `data: ${l}`).join("\n");
  return `${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\n${body}\n\n`;
}

/**
 * Streams what `produce` yields as text/event-stream. Stops producing as soon as the browser goes
 * away (request.signal), which is what "stops when the page is left" means on the server. A comment
 * line every 15 s keeps proxies from closing an idle stream.
 */
export function sseResponse(request: Request, produce: (signal: AbortSignal) => AsyncGenerator<string>): Response {
  const stop = new AbortController();
  request.signal.addEventListener("abort", () => stop.abort(), { once: true });
  const encoder = new TextEncoder();
  let keepAlive: NodeJS.Timeout | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      keepAlive = setInterval(() => send(": keep-alive\n\n"), 15_000);
      send("retry: 1000\n\n"); // reconnect within a second after a drop
      try {
        for await (const chunk of produce(stop.signal)) send(chunk);
      } catch (err) {
        send(sseEvent({ event: "failure", data: { message: "The stream broke off on the server. Reload the page to reconnect." } }));
        console.error("sse:", err instanceof Error ? err.message : err);
      } finally {
        clearInterval(keepAlive);
        if (!stop.signal.aborted) controller.close();
      }
    },
    cancel() {
      stop.abort();
      clearInterval(keepAlive);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no", connection: "keep-alive" },
  });
}

/** The signed-in user of a stream request, from the session cookie (EventSource sends cookies, not headers). */
export async function streamUser(request: Request): Promise<SessionUser | null> {
  const cookie = request.headers.get("cookie") ?? "";
  const token = cookie
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))
    ?.slice(SESSION_COOKIE_NAME.length + 1);
  if (!token) return null;
  return (await resolveSession(getDb(), decodeURIComponent(token)))?.user ?? null;
}

export function plainResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Where a reconnecting stream resumes: the Last-Event-ID header, else ?after=, else the start. */
export function resumeAfter(request: Request): number {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
