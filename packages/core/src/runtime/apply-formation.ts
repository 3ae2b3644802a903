import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { inspectService, listServiceNames, patchService, serviceSpec } from "@berth/docker/services";
import { APP_ID_LABEL, PROCESS_TYPE_LABEL } from "../deployments/runtime-names";
import { loadRuntimeSettings } from "./load-runtime-settings";
import { planProcesses } from "./process-plan";

/**
 * Brings the app's running services in line with its stored formation, health checks and
 * stopped flag: instance counts, per-instance limits and the Docker health check, patched in
 * place. The image, command and env stay as the last deploy set them, so this never undoes or
 * races a rollout's choice of release. A changed limit or check rolls the instances over
 * start-first; a changed count only adds or removes instances. Returns the services changed.
 */
export async function applyFormation(deps: { db: DbClient; docker: DockerClient }, appId: string, opts: { forceRestart?: string[] } = {}): Promise<string[]> {
  const settings = await loadRuntimeSettings(deps.db, appId);
  const changed: string[] = [];
  for (const name of await listServiceNames(deps.docker, { [APP_ID_LABEL]: appId })) {
    const type = (await inspectService(deps.docker, name))?.spec.Labels?.[PROCESS_TYPE_LABEL];
    if (!type) continue;
    const [plan] = planProcesses({ processTypes: { [type]: "-" }, ...settings });
    if (!plan) continue;
    // The same rendering as a deploy's, so the fields read back identically.
    const wanted = serviceSpec({ name, image: "-", env: {}, labels: {}, networks: [], replicas: plan.replicas, healthcheck: plan.healthcheck, cpu: plan.cpu, memoryMb: plan.memoryMb });
    const restart = opts.forceRestart?.includes(type) ?? false;
    const wantedTask = wanted.TaskTemplate as SwarmTask;
    const ok = await patchService(deps.docker, name, (spec) => {
      const task = { ...((spec.TaskTemplate ?? {}) as SwarmTask) };
      const container = { ...(task.ContainerSpec ?? {}) };
      const check = wantedTask.ContainerSpec?.HealthCheck;
      if (check) container.HealthCheck = check;
      else delete container.HealthCheck;
      task.ContainerSpec = container;
      task.Resources = wantedTask.Resources;
      // ForceUpdate changing is what makes Swarm replace every task (start-first) with nothing else changed.
      if (restart) task.ForceUpdate = (task.ForceUpdate ?? 0) + 1;
      return { ...spec, Mode: wanted.Mode, TaskTemplate: task as typeof spec.TaskTemplate };
    });
    if (ok) changed.push(name);
  }
  return changed;
}

/** The parts of a Swarm task template touched here (dockerode's type is a union without them). */
interface SwarmTask {
  ContainerSpec?: { HealthCheck?: unknown; [k: string]: unknown };
  Resources?: unknown;
  ForceUpdate?: number;
  [k: string]: unknown;
}
