import { containerHealth } from "@berth/docker/container-health";
import { listServiceTasks } from "@berth/docker/services";
import type { AppRef } from "../apps/app-scope";
import { processServiceName, RELEASE_LABEL } from "../deployments/runtime-names";
import { loadRuntimeSettings } from "./load-runtime-settings";
import { planProcesses } from "./process-plan";
import { dockerOf, type RuntimeDeps } from "./runtime-deps";
import { loadRuntimeTarget } from "./runtime-target";

export type AppRuntimeState = "not-deployed" | "running" | "stopped" | "crashed";

export interface InstanceInfo {
  /** Swarm's task id (short), stable for the instance's life. */
  id: string;
  /** Swarm's task state: running, starting (not yet healthy), preparing, failed, … */
  state: string;
  /** healthy, unhealthy, starting, or none (no check for this type). */
  health: string;
  releaseVersion: number | null;
  /** When its process started; null when not started. */
  startedAt: Date | null;
  error: string | null;
}

export interface ProcessInfo {
  type: string;
  /** The Procfile command, or null for the image's own. */
  command: string | null;
  routed: boolean;
  quantity: number;
  cpu: number | null;
  memoryMb: number | null;
  instances: InstanceInfo[];
}

export interface ProcessList {
  state: AppRuntimeState;
  releaseVersion: number | null;
  crash: { at: Date; reason: string } | null;
  processes: ProcessInfo[];
}

/**
 * `berth ps APP`: each process type with its formation and its current instances (state, health,
 * release, age), read from Swarm and Docker as they are now, plus the app's state.
 */
export async function listProcesses(deps: RuntimeDeps, input: AppRef): Promise<ProcessList> {
  const target = await loadRuntimeTarget(deps.db, input, "viewer");
  const docker = dockerOf(deps);
  const settings = await loadRuntimeSettings(deps.db, target.id);
  const plans = planProcesses({ processTypes: target.release?.processTypes ?? {}, ...settings });
  const versions = new Map(
    (await deps.db.release.findMany({ where: { appId: target.id }, select: { id: true, version: true } })).map((r) => [r.id, r.version]),
  );
  const processes: ProcessInfo[] = [];
  for (const plan of plans) {
    const tasks = target.release ? await listServiceTasks(docker, processServiceName(target.id, plan.type)) : [];
    const current = tasks.filter((t) => t.desiredState === "running" || t.state === "running");
    const instances = await Promise.all(
      current.map(async (t): Promise<InstanceInfo> => {
        const health = t.containerId ? await containerHealth(docker, t.containerId).catch(() => null) : null;
        const releaseId = t.labels[RELEASE_LABEL];
        return {
          id: t.id.slice(0, 12),
          state: t.state,
          health: health?.status ?? (t.state === "running" ? "none" : "starting"),
          releaseVersion: releaseId ? (versions.get(releaseId) ?? null) : null,
          startedAt: health?.startedAt && !health.startedAt.startsWith("0001") ? new Date(health.startedAt) : null,
          error: t.error,
        };
      }),
    );
    processes.push({ type: plan.type, command: plan.command, routed: plan.routed, quantity: plan.replicas, cpu: plan.cpu, memoryMb: plan.memoryMb, instances });
  }
  const state: AppRuntimeState = !target.release ? "not-deployed" : target.stoppedAt ? "stopped" : target.crashedAt ? "crashed" : "running";
  return {
    state,
    releaseVersion: target.release?.version ?? null,
    crash: target.crashedAt ? { at: target.crashedAt, reason: target.crashReason ?? "" } : null,
    processes,
  };
}
