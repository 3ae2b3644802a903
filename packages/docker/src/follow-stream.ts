import type { Readable } from "node:stream";

/** One decoded line of Docker's JSON progress stream (build, import, pull). */
export interface ProgressMessage {
  stream?: string;
  status?: string;
  progress?: string;
  id?: string;
  error?: string;
  errorDetail?: { code?: number; message?: string };
  /** Builds report the image id here; pushes report the pushed manifest (Tag, Digest, Size). */
  aux?: { ID?: string; Tag?: string; Digest?: string; Size?: number };
}

/**
 * Reads a JSON-lines progress stream to its end. Docker reports failures of builds and pulls *inside*
 * a 200 response, so a stream whose messages carry `error` must become a thrown error — otherwise a
 * failed build would look like a success.
 */
export async function followStream(
  stream: NodeJS.ReadableStream,
  onMessage?: (msg: ProgressMessage) => void,
): Promise<ProgressMessage[]> {
  const messages: ProgressMessage[] = [];
  let buffered = "";
  const handleLine = (line: string) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    let msg: ProgressMessage;
    try {
      msg = JSON.parse(trimmed) as ProgressMessage;
    } catch {
      msg = { stream: trimmed };
    }
    messages.push(msg);
    onMessage?.(msg);
  };
  for await (const chunk of stream as Readable) {
    buffered += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      handleLine(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
    }
  }
  handleLine(buffered);
  return messages;
}

/** The first error a progress stream carried, if any. */
export function streamError(messages: ProgressMessage[]): string | null {
  const failed = messages.find((m) => m.error || m.errorDetail);
  if (!failed) return null;
  return failed.errorDetail?.message ?? failed.error ?? "unknown error";
}

/** Human-readable output lines (build steps, statuses), used to give failures their context. */
export function outputLines(messages: ProgressMessage[]): string[] {
  const lines: string[] = [];
  for (const m of messages) {
    const text = m.stream ?? (m.status ? [m.id, m.status, m.progress].filter(Boolean).join(" ") : undefined);
    if (!text) continue;
    for (const line of text.split("\n")) if (line.trim()) lines.push(line.trimEnd());
  }
  return lines;
}
