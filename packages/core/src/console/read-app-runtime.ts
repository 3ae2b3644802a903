import type { DockerClient } from "@berth/docker/engine";
import { APP_ID_LABEL, TENANT_LABEL } from "../deployments/runtime-names";

export interface RuntimeCount {
  desired: number;
  running: number;
}

/**
 * Desired and running instances of every app of a tenant, by app id, in two engine calls (all
 * services of the tenant, then their running tasks), so the apps list stays one request however
 * many apps there are. Every process type of an app counts.
 */
export async function readTenantRuntime(docker: DockerClient, tenant: string): Promise<Map<string, RuntimeCount>> {
  const services = (await docker.listServices({ filters: { label: [`${TENANT_LABEL}=${tenant}`] } })) as Array<{
    ID: string;
    Spec?: { Labels?: Record<string, string>; Mode?: { Replicated?: { Replicas?: number } } };
  }>;
  const byService = new Map<string, string>();
  const counts = new Map<string, RuntimeCount>();
  for (const s of services) {
    const appId = s.Spec?.Labels?.[APP_ID_LABEL];
    if (!appId) continue;
    byService.set(s.ID, appId);
    const c = counts.get(appId) ?? { desired: 0, running: 0 };
    c.desired += s.Spec?.Mode?.Replicated?.Replicas ?? 0;
    counts.set(appId, c);
  }
  if (byService.size === 0) return counts;
  const tasks = (await docker.listTasks({ filters: { "desired-state": ["running"] } })) as Array<{ ServiceID: string; Status: { State: string } }>;
  for (const t of tasks) {
    const appId = byService.get(t.ServiceID);
    if (appId && t.Status.State === "running") counts.get(appId)!.running += 1;
  }
  return counts;
}
