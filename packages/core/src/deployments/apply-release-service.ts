import type { BerthConfig } from "@berth/config/config";
import type { DockerClient } from "@berth/docker/engine";
import { ensureOverlayNetwork } from "@berth/docker/networks";
import { applyService } from "@berth/docker/services";
import { connectRouterToNetwork } from "@berth/router/router-networks";
import { APP_PORT, appImageRepository, appLabels, appServiceName, MANAGED_LABEL, RELEASE_LABEL, TENANT_LABEL, tenantNetworkName } from "./runtime-names";

export interface RuntimeApp {
  id: string;
  name: string;
  tenant: { id: string; name: string };
}

export interface RuntimeRelease {
  id: string;
  imageDigest: string;
  /** The release's config snapshot, decrypted: the only place plain values are needed is the service's env. */
  config: Record<string, string>;
}

/** The release's config snapshot as environment variables; PORT is always the platform's. */
export function releaseEnv(config: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  if (config && typeof config === "object" && !Array.isArray(config)) {
    for (const [k, v] of Object.entries(config as Record<string, unknown>)) if (typeof v === "string") env[k] = v;
  }
  env.PORT = String(APP_PORT);
  return env;
}

/** Makes sure the tenant's network exists and the router is on it; returns the network's name. */
export async function ensureTenantNetwork(docker: DockerClient, config: Pick<BerthConfig, "router">, tenant: { id: string; name: string }): Promise<string> {
  const network = tenantNetworkName(tenant.id);
  await ensureOverlayNetwork(docker, network, { [MANAGED_LABEL]: "true", [TENANT_LABEL]: tenant.name });
  await connectRouterToNetwork(docker, config, network);
  return network;
}

/**
 * Points the app's Swarm service at a release: image pinned by digest, env from the release's
 * config snapshot, on the tenant network only. Creates the service for a first release; otherwise
 * Swarm rolls it over start-first.
 */
export async function applyReleaseService(
  docker: DockerClient,
  config: Pick<BerthConfig, "router" | "registry">,
  app: RuntimeApp,
  release: RuntimeRelease,
): Promise<"created" | "updated"> {
  const network = await ensureTenantNetwork(docker, config, app.tenant);
  const { outcome } = await applyService(docker, {
    name: appServiceName(app.id),
    image: `${appImageRepository(config, app.tenant.name, app.name)}@${release.imageDigest}`,
    env: releaseEnv(release.config), // never logged: the spec goes to the engine only
    labels: { ...appLabels(app), [RELEASE_LABEL]: release.id },
    networks: [network],
    replicas: 1,
  });
  return outcome;
}
