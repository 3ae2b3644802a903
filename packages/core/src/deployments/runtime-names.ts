import type { BerthConfig } from "@berth/config/config";

/** Every app listens here; the platform sets PORT to it. */
export const APP_PORT = 5000;

/**
 * Swarm service of an app's web process. Named from the app id, not "<tenant>-<app>": names joined
 * with hyphens collide ("a-b" + "c" vs "a" + "b-c"), ids do not. cuids are lower-case alphanumerics.
 */
export function appServiceName(appId: string): string {
  return processServiceName(appId, WEB_PROCESS);
}

/** The process type that is routed; every other type (worker, clock, …) runs without traffic. */
export const WEB_PROCESS = "web";

/**
 * Process type names: lower-case DNS-label characters, short enough that the service name
 * (berth-app-<25-char id>-<type>) stays within Swarm's 63 characters.
 */
export const PROCESS_TYPE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

/** Swarm service of one process type of an app: one service per type, all on the tenant network. */
export function processServiceName(appId: string, type: string): string {
  if (!PROCESS_TYPE_PATTERN.test(type)) throw new Error(`invalid process type name: ${JSON.stringify(type).slice(0, 40)}`);
  return `berth-app-${appId}-${type}`;
}

const TENANT_NETWORK_PREFIX = "berth-tenant-";

/** One overlay network per tenant: its apps and the router, nobody else. */
export function tenantNetworkName(tenantId: string): string {
  return `${TENANT_NETWORK_PREFIX}${tenantId}`;
}

/** The tenant id a tenant network is named after; null for any other network. */
export function tenantIdOfNetwork(name: string): string | null {
  return name.startsWith(TENANT_NETWORK_PREFIX) && name.length > TENANT_NETWORK_PREFIX.length ? name.slice(TENANT_NETWORK_PREFIX.length) : null;
}

/** Repository of an app's images in Berth's registry. */
export function appImageRepository(config: Pick<BerthConfig, "registry">, tenant: string, app: string): string {
  return `${config.registry.address}/${tenant}/${app}`;
}

/** The build's own tag, until the image is released under a version. */
export function buildImageTag(config: Pick<BerthConfig, "registry">, tenant: string, app: string, deploymentId: string): string {
  return `${appImageRepository(config, tenant, app)}:build-${deploymentId}`;
}

export const MANAGED_LABEL = "org.berth.managed";
export const TENANT_LABEL = "org.berth.tenant";
export const APP_LABEL = "org.berth.app";
export const APP_ID_LABEL = "org.berth.app-id";
/** Marks the tasks of one release, so a config release (same image) can be told from the one before. */
export const RELEASE_LABEL = "org.berth.release";
/** The process type a service (and its tasks) runs. */
export const PROCESS_TYPE_LABEL = "org.berth.process-type";

export function appLabels(app: { id: string; name: string; tenant: { name: string } }): Record<string, string> {
  return { [MANAGED_LABEL]: "true", [TENANT_LABEL]: app.tenant.name, [APP_LABEL]: app.name, [APP_ID_LABEL]: app.id };
}
