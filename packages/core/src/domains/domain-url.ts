import type { BerthConfig } from "@berth/config/config";

/** Custom domains are served over plain HTTP on the router's port (TLS is terminated in front of Berth, if at all). */
export function domainUrl(config: Pick<BerthConfig, "router">, hostname: string): string {
  const port = config.router.port === 80 ? "" : `:${config.router.port}`;
  return `http://${hostname}${port}`;
}
