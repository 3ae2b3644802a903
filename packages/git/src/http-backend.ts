import { spawn } from "node:child_process";
import { Readable } from "node:stream";

export const GIT_HTTP_BACKEND = "/usr/lib/git-core/git-http-backend";

export interface HttpBackendRequest {
  projectRoot: string;
  /** `/<tenant>/<app>.git/info/refs` etc., relative to projectRoot. */
  pathInfo: string;
  method: string;
  queryString: string;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  remoteUser: string;
  remoteAddr: string | null;
  /** Extra variables for the hooks; secrets only here (the environment), never in argv or logs. */
  extraEnv: Record<string, string>;
  /** Called once when the backend (and any hook it ran) has exited. */
  onClose?: () => void;
  /** Aborted when the client goes away: the backend (and a running hook) is stopped. */
  signal?: AbortSignal;
  backendPath?: string;
}

/**
 * What the CGI program and the hook inherit from the console: only what git and node need to run.
 * The console's own environment holds the database password and the config key; the hook calls
 * the console back for everything else, so none of it has to reach a child process.
 */
const INHERITED_ENV = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "BERTH_HOOK_READ_TIMEOUT_MS"];

/** A child's environment; not NodeJS.ProcessEnv, which Next.js's types make require NODE_ENV. */
type ChildEnv = Record<string, string | undefined>;

function inheritedEnv(): ChildEnv {
  const env: ChildEnv = {};
  for (const name of INHERITED_ENV) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

/**
 * Runs `git http-backend` as a CGI program and answers with its output as a streaming Response, so
 * what the hook prints reaches the pusher while it happens rather than when the push ends.
 */
export function runHttpBackend(req: HttpBackendRequest): Promise<Response> {
  const env: ChildEnv = {
    ...inheritedEnv(),
    ...req.extraEnv,
    GIT_PROJECT_ROOT: req.projectRoot,
    GIT_HTTP_EXPORT_ALL: "1",
    PATH_INFO: req.pathInfo,
    REQUEST_METHOD: req.method,
    QUERY_STRING: req.queryString,
    CONTENT_TYPE: req.headers.get("content-type") ?? "",
    REMOTE_USER: req.remoteUser,
    REMOTE_ADDR: req.remoteAddr ?? "",
    GATEWAY_INTERFACE: "CGI/1.1",
    SERVER_PROTOCOL: "HTTP/1.1",
  };
  // Without CONTENT_LENGTH http-backend reads the body to EOF, which is what a chunked upload needs.
  const length = req.headers.get("content-length");
  if (length) env.CONTENT_LENGTH = length;
  else delete env.CONTENT_LENGTH;
  const encoding = req.headers.get("content-encoding");
  if (encoding) env.HTTP_CONTENT_ENCODING = encoding;
  const protocol = req.headers.get("git-protocol");
  if (protocol) env.GIT_PROTOCOL = protocol;

  // turbopackIgnore: the program is a runtime value; the bundler must not trace the filesystem for it.
  const child = spawn(/*turbopackIgnore: true*/ req.backendPath ?? GIT_HTTP_BACKEND, [], { env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
  const onAbort = () => child.kill("SIGTERM");
  req.signal?.addEventListener("abort", onAbort, { once: true });
  child.on("close", () => {
    req.signal?.removeEventListener("abort", onAbort);
    req.onClose?.();
  });

  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    if (stderr.length < 8192) stderr += d;
  });
  child.stdin.on("error", () => undefined); // the backend may stop reading early (it refused); that is its answer
  if (req.body) Readable.fromWeb(req.body as import("node:stream/web").ReadableStream).on("error", () => child.kill("SIGTERM")).pipe(child.stdin);
  else child.stdin.end();

  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      reject(err);
    };
    child.on("error", fail);
    child.on("close", (code) => {
      if (!settled) fail(new Error(`git http-backend exited (${code}) before sending headers: ${stderr.trim()}`));
    });

    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const split = findHeaderEnd(head);
      if (!split) return;
      child.stdout.off("data", onData);
      child.stdout.pause();
      settled = true;
      const { status, headers } = parseCgiHeaders(head.subarray(0, split.index).toString("latin1"));
      const rest = head.subarray(split.index + split.length);
      resolve(new Response(bodyStream(rest, child.stdout), { status, headers }));
    };
    child.stdout.on("data", onData);
  });
}

function findHeaderEnd(buf: Buffer): { index: number; length: number } | null {
  const crlf = buf.indexOf("\r\n\r\n");
  const lf = buf.indexOf("\n\n");
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { index: crlf, length: 4 };
  if (lf !== -1) return { index: lf, length: 2 };
  return null;
}

export function parseCgiHeaders(text: string): { status: number; headers: Headers } {
  const headers = new Headers();
  let status = 200;
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 200;
    else headers.append(name, value);
  }
  // no-transform: a compressing layer in front would hold back the hook's output until the push ends.
  headers.set("Cache-Control", "no-cache, no-store, no-transform");
  headers.set("X-Accel-Buffering", "no");
  return { status, headers };
}

function bodyStream(first: Buffer, rest: Readable): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.length) controller.enqueue(new Uint8Array(first));
      rest.on("data", (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 1) <= 0) rest.pause();
      });
      rest.on("end", () => controller.close());
      rest.on("error", (err) => controller.error(err));
      rest.resume();
    },
    pull() {
      rest.resume();
    },
    cancel() {
      rest.destroy();
    },
  });
}
