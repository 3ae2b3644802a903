import http from "node:http";
import { loadConfig } from "@berth/config/config";

const config = loadConfig();

/**
 * GET through Berth's router as a browser asking for `host` would (fetch forbids setting Host).
 * Always to 127.0.0.1: test traffic stays on this machine.
 */
export function getThroughRouter(host: string, timeoutMs = 10_000, path = "/"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: config.router.port, path, headers: { Host: host }, agent: false, timeout: timeoutMs },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer for ${host}${path} within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}
