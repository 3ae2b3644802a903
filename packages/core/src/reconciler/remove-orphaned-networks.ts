import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { listNetworkLabels, removeNetwork } from "@berth/docker/networks";
import { disconnectRouterFromNetwork } from "@berth/router/router-networks";
import { MANAGED_LABEL, TENANT_LABEL, tenantIdOfNetwork } from "../deployments/runtime-names";
import { type Repair, recordRepair } from "./record-repair";

/**
 * A tenant's overlay network outlives the tenant: deleting a tenant only touches the database,
 * and the router stays joined to the network. Left alone, every deleted tenant would leave the
 * router one more interface and the engine one more network, for ever. The network of a tenant
 * that no longer exists is removed once nothing runs on it (its apps' leftover services are
 * removed first, in the same pass; a network still in use is tried again next pass). A network is
 * only ever made for a tenant whose row exists, so a tenant being set up is never mistaken for a
 * deleted one.
 */
export async function removeOrphanedNetworks(deps: { db: DbClient; docker: DockerClient; config: Pick<BerthConfig, "router"> }): Promise<Repair[]> {
  const networks = (await listNetworkLabels(deps.docker, { [MANAGED_LABEL]: "true" }))
    .map((n) => ({ ...n, tenantId: tenantIdOfNetwork(n.name) }))
    .filter((n): n is typeof n & { tenantId: string } => n.tenantId !== null);
  if (!networks.length) return [];
  const existing = new Set(
    (await deps.db.tenant.findMany({ where: { id: { in: networks.map((n) => n.tenantId) } }, select: { id: true } })).map((t) => t.id),
  );
  const repairs: Repair[] = [];
  for (const network of networks.filter((n) => !existing.has(n.tenantId))) {
    await disconnectRouterFromNetwork(deps.docker, deps.config, network.name);
    if (!(await removeNetwork(deps.docker, network.name))) continue;
    const tenantName = network.labels[TENANT_LABEL];
    const repair: Repair = {
      target: { type: "tenant", id: network.tenantId },
      tenantName,
      kind: "network-orphaned",
      summary: `removed ${network.name}, left over from the deleted tenant ${tenantName ?? network.tenantId}`,
    };
    await recordRepair(deps.db, repair, { network: network.name });
    repairs.push(repair);
  }
  return repairs;
}
