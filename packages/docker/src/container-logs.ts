import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { statusOf } from "./images";

export interface LogLine {
  /** Docker's RFC 3339 timestamp of the line, with nanoseconds. */
  time: string;
  /** Nanoseconds since the epoch, for ordering and cursors (the text form trims trailing zeros). */
  timeNs: bigint;
  stream: "stdout" | "stderr";
  line: string;
}

/** "2026-11-23T20:30:00.1234Z" → nanoseconds since the epoch. */
export function timestampNs(time: string): bigint {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (!m) return 0n;
  const seconds = BigInt(Math.floor(Date.parse(`${m[1]}${m[3]}`) / 1000));
  return seconds * 1_000_000_000n + BigInt((m[2] ?? "").padEnd(9, "0"));
}

/** Docker's `since` takes "seconds.nanoseconds". */
function sinceParam(ns: bigint): string {
  return `${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, "0")}`;
}

export interface FollowLogsOptions {
  /** Only lines after this instant (nanoseconds since the epoch). */
  afterNs?: bigint;
  /** Without afterNs: how many of the last lines to start with. */
  tail?: number;
  /** Keep the stream open for new lines until the signal aborts. */
  follow: boolean;
  signal: AbortSignal;
  onLine: (line: LogLine) => void;
}

/**
 * Reads a container's stdout and stderr line by line, with Docker's timestamps, optionally
 * following new output until the signal aborts. Resolves when the stream ends (or is aborted);
 * a container that is already gone yields nothing.
 */
export async function readContainerLogs(docker: Docker, containerId: string, opts: FollowLogsOptions): Promise<void> {
  if (opts.signal.aborted) return;
  const container = docker.getContainer(containerId);
  let raw: NodeJS.ReadableStream;
  try {
    const params = {
      stdout: true,
      stderr: true,
      timestamps: true,
      ...(opts.afterNs !== undefined ? { since: sinceParam(opts.afterNs) } : { tail: opts.tail ?? 100 }),
    };
    raw = opts.follow
      ? ((await container.logs({ ...params, follow: true, abortSignal: opts.signal } as Docker.ContainerLogsOptions & { follow: true })) as NodeJS.ReadableStream)
      : bufferStream((await container.logs({ ...params, follow: false })) as unknown as Buffer);
  } catch (err) {
    if (statusOf(err) === 404 || opts.signal.aborted) return;
    throw err;
  }
  const stdout = lineSplitter("stdout", opts);
  const stderr = lineSplitter("stderr", opts);
  await new Promise<void>((resolve) => {
    const done = () => {
      stdout.flush();
      stderr.flush();
      resolve();
    };
    const onAbort = () => {
      (raw as unknown as { destroy?: () => void }).destroy?.();
      done();
    };
    opts.signal.addEventListener("abort", onAbort, { once: true });
    docker.modem.demuxStream(raw, stdout.sink, stderr.sink);
    raw.on("end", done);
    raw.on("close", done);
    raw.on("error", done);
  });
}

function bufferStream(buf: Buffer): NodeJS.ReadableStream {
  const s = new PassThrough();
  s.end(Buffer.isBuffer(buf) ? buf : Buffer.from(String(buf)));
  return s;
}

function lineSplitter(stream: "stdout" | "stderr", opts: FollowLogsOptions) {
  const sink = new PassThrough();
  let partial = "";
  const emit = (text: string) => {
    const space = text.indexOf(" ");
    const time = space > 0 ? text.slice(0, space) : "";
    const timeNs = timestampNs(time);
    // Docker's `since` has whole-second precision on some engines: drop what the cursor already saw.
    if (opts.afterNs !== undefined && timeNs <= opts.afterNs) return;
    opts.onLine({ time, timeNs, stream, line: space > 0 ? text.slice(space + 1) : text });
  };
  sink.on("data", (chunk: Buffer) => {
    partial += chunk.toString("utf8");
    let nl: number;
    while ((nl = partial.indexOf("\n")) >= 0) {
      const text = partial.slice(0, nl).replace(/\r$/, "");
      partial = partial.slice(nl + 1);
      if (text) emit(text);
    }
  });
  return {
    sink,
    flush: () => {
      if (partial) emit(partial);
      partial = "";
    },
  };
}
