import type { BerthConfig } from "@berth/config/config";

/** Where an app is served: <app>.<tenant>.<base domain>, with the router port unless it is 80. */
export function appHost(config: Pick<BerthConfig, "baseDomain">, tenant: string, app: string): string {
  return `${app}.${tenant}.${config.baseDomain}`;
}

export function appUrl(config: Pick<BerthConfig, "baseDomain" | "router">, tenant: string, app: string): string {
  const port = config.router.port === 80 ? "" : `:${config.router.port}`;
  return `http://${appHost(config, tenant, app)}${port}`;
}

/** The git remote of an app, served by the console under /git. */
export function gitUrl(config: Pick<BerthConfig, "web">, tenant: string, app: string): string {
  return `${config.web.publicUrl}/git/${tenant}/${app}.git`;
}
