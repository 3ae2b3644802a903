import type { BerthConfig } from "@berth/config/config";

/** Where an app is served: <app>.<tenant>.<base domain>, with the router port unless it is 80. */
export function appHost(config: Pick<BerthConfig, "baseDomain">, tenant: string, app: string): string {
  return `${app}.${tenant}.${config.baseDomain}`;
}

export function appUrl(config: Pick<BerthConfig, "baseDomain" | "router">, tenant: string, app: string): string {
  return routerUrl(config, appHost(config, tenant, app));
}

/**
 * A host's address on the router: plain HTTP on the router's port, left out when it is 80 (TLS,
 * if any, is terminated in front of Berth). App hosts and custom domains alike.
 */
export function routerUrl(config: Pick<BerthConfig, "router">, host: string): string {
  const port = config.router.port === 80 ? "" : `:${config.router.port}`;
  return `http://${host}${port}`;
}

/** The git remote of an app, served by the console under /git. */
export function gitUrl(config: Pick<BerthConfig, "web">, tenant: string, app: string): string {
  return `${config.web.publicUrl}/git/${tenant}/${app}.git`;
}
