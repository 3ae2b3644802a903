import http from "node:http";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP/1.1 request on a fresh connection (no keep-alive pool). The router's admin API may close
 * idle connections when a config is loaded, so a pooled socket could fail the next call; and a plain
 * node:http socket keeps the process alive while it waits, unlike fetch's unref'd timeouts.
 */
export function httpRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs: number; socketPath?: string },
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Connection: "close", ...opts.headers };
    if (opts.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(opts.body));
    const req = http.request(new URL(url), { method: opts.method ?? "GET", headers, agent: false, socketPath: opts.socketPath }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer from ${url} within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on("close", () => clearTimeout(timer));
    req.on("error", reject);
    req.end(opts.body);
  });
}
