import type Docker from "dockerode";
import { statusOf } from "./images";

const NS_PER_SECOND = 1_000_000_000;
const NS_PER_MS = 1_000_000;

/** A Docker health check run inside the container, in exec form (no shell of ours); Docker's own timings. */
export interface HealthcheckInput {
  /** Exec-form argv, e.g. ["/berth/busybox", "sh", "/berth/check", "1", "2", "tcp", "5000"]. */
  test: string[];
  /** Docker's pause between the end of one probe and the start of the next. */
  intervalMs: number;
  /** Docker kills a probe running longer than this and counts it as failed. */
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

/** A read-only bind mount (the health-check tools); user containers never get writable host paths. */
export interface ReadOnlyBind {
  source: string;
  target: string;
}

/** A small private in-memory filesystem in each container (lost with the container). */
export interface ScratchTmpfs {
  target: string;
  sizeBytes: number;
}

/** What Berth decides about one Swarm service; everything else is fixed policy below. */
export interface ServiceSpecInput {
  name: string;
  image: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  networks: string[];
  replicas: number;
  /** Replaces the image's ENTRYPOINT and CMD when set (a Procfile process type's command). */
  command?: string[];
  healthcheck?: HealthcheckInput | null;
  /** Per-instance limits; undefined means none. */
  cpu?: number | null;
  memoryMb?: number | null;
  mounts?: ReadOnlyBind[];
  tmpfs?: ScratchTmpfs[];
  /** How long an instance gets after SIGTERM to finish its in-flight requests. */
  stopGraceSec?: number;
}

/**
 * The full Swarm spec. Endpoint mode dnsrr with no published ports: the routing mesh (IPVS) does not
 * work on every kernel, and the router reaches tasks by the service's DNS name on the tenant
 * network. Swarm puts a task into that name only once its health check passed, and takes it out
 * before it stops it, which is what makes start-first updates switch traffic only to healthy
 * instances. Swarm's own failure action is "pause", not "rollback": Berth decides about rollback
 * itself, from what the health checks and the router actually answer.
 */
export function serviceSpec(input: ServiceSpecInput): Docker.ServiceSpec {
  const limits: { NanoCPUs?: number; MemoryBytes?: number } = {};
  if (input.cpu) limits.NanoCPUs = Math.round(input.cpu * NS_PER_SECOND);
  if (input.memoryMb) limits.MemoryBytes = input.memoryMb * 1024 * 1024;
  const hc = input.healthcheck;
  return {
    Name: input.name,
    Labels: input.labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: input.image,
        ...(input.command ? { Command: input.command } : {}),
        Env: Object.entries(input.env).map(([k, v]) => `${k}=${v}`),
        Labels: input.labels,
        // An init as PID 1 forwards SIGTERM: a Node (or any) process as PID 1 ignores it, so every
        // replaced task would otherwise sit out the whole grace period before being killed.
        Init: true,
        StopGracePeriod: (input.stopGraceSec ?? 10) * NS_PER_SECOND,
        ...(hc
          ? {
              HealthCheck: {
                Test: ["CMD", ...hc.test],
                Interval: hc.intervalMs * NS_PER_MS,
                Timeout: hc.timeoutMs * NS_PER_MS,
                Retries: hc.retries,
                StartPeriod: hc.startPeriodMs * NS_PER_MS,
              },
            }
          : {}),
        ...(input.mounts?.length || input.tmpfs?.length
          ? {
              Mounts: [
                ...(input.mounts ?? []).map((m) => ({ Type: "bind", Source: m.source, Target: m.target, ReadOnly: true })),
                // World-writable: the app (and so its health check) may run as any user.
                ...(input.tmpfs ?? []).map((t) => ({ Type: "tmpfs", Target: t.target, TmpfsOptions: { SizeBytes: t.sizeBytes, Mode: 0o1777 } })),
              ],
            }
          : {}),
      },
      // "any", not "on-failure": a web process that exits 0 is as gone as one that crashed.
      RestartPolicy: { Condition: "any", Delay: 2 * NS_PER_SECOND, MaxAttempts: 0 },
      Resources: { Limits: limits },
      Networks: input.networks.map((Target) => ({ Target })),
    },
    Mode: { Replicated: { Replicas: input.replicas } },
    UpdateConfig: { Parallelism: 1, Order: "start-first", FailureAction: "pause", Monitor: 5 * NS_PER_SECOND },
    RollbackConfig: { Parallelism: 1, Order: "start-first", FailureAction: "pause" },
    EndpointSpec: { Mode: "dnsrr" },
  } as Docker.ServiceSpec;
}

export interface ServiceState {
  id: string;
  version: number;
  spec: Docker.ServiceSpec;
}

export async function inspectService(docker: Docker, name: string): Promise<ServiceState | null> {
  try {
    const info = (await docker.getService(name).inspect()) as { ID: string; Version: { Index: number }; Spec: Docker.ServiceSpec };
    return { id: info.ID, version: info.Version.Index, spec: info.Spec };
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

/**
 * Creates the service, or updates it to the spec (a rolling, start-first update). Returns the spec it
 * replaced, so a caller can put it back. The engine refuses an update carrying a stale version
 * index, so a concurrent writer makes this fail instead of silently losing one of the two changes.
 */
export async function applyService(docker: Docker, input: ServiceSpecInput): Promise<{ outcome: "created" | "updated"; previous: Docker.ServiceSpec | null }> {
  const spec = serviceSpec(input);
  const existing = await inspectService(docker, input.name);
  if (!existing) {
    await docker.createService(spec as Docker.CreateServiceOptions);
    return { outcome: "created", previous: null };
  }
  await docker.getService(existing.id).update({ _query: { version: existing.version }, _body: spec } as unknown as Docker.ServiceSpec);
  return { outcome: "updated", previous: existing.spec };
}

/**
 * Changes part of a running service's spec (replicas, limits, a forced restart) without touching the
 * rest — in particular not the image, so a change made while a deployment rolls out never reverts it.
 * Retries when another writer updated the service in between (the engine refuses a stale version).
 * Returns false when the service does not exist.
 */
export async function patchService(docker: Docker, name: string, mutate: (spec: Docker.ServiceSpec) => Docker.ServiceSpec): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const existing = await inspectService(docker, name);
    if (!existing) return false;
    try {
      await docker.getService(existing.id).update({ _query: { version: existing.version }, _body: mutate(structuredClone(existing.spec)) } as unknown as Docker.ServiceSpec);
      return true;
    } catch (err) {
      // "update out of sequence": someone else wrote first; read again and re-apply the change.
      if (attempt < 4 && /out of sequence/i.test(err instanceof Error ? err.message : String(err))) continue;
      throw err;
    }
  }
}

/** Names of the services carrying all of these labels. */
export async function listServiceNames(docker: Docker, labels: Record<string, string>): Promise<string[]> {
  return (await listServiceLabels(docker, labels)).map((s) => s.name);
}

/** Name and labels of every service carrying all of these labels. */
export async function listServiceLabels(docker: Docker, labels: Record<string, string>): Promise<Array<{ name: string; labels: Record<string, string> }>> {
  const services = (await docker.listServices({ filters: { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) } })) as Array<{
    Spec?: { Name?: string; Labels?: Record<string, string> };
  }>;
  return services
    .map((s) => ({ name: s.Spec?.Name ?? "", labels: s.Spec?.Labels ?? {} }))
    .filter((s) => s.name)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Removes a service (its tasks stop); a missing service is not an error. */
export async function removeService(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getService(name).remove();
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    throw err;
  }
}

export interface TaskSummary {
  id: string;
  image: string;
  desiredState: string;
  state: string;
  error: string | null;
  containerId: string | null;
  createdAt: string;
  /** The task's container labels, as the service spec set them. */
  labels: Record<string, string>;
  /** The task's IP addresses on its networks (without the prefix length). */
  addresses: string[];
}

/** The service's tasks, newest first. */
export async function listServiceTasks(docker: Docker, serviceName: string): Promise<TaskSummary[]> {
  const tasks = (await docker.listTasks({ filters: { service: [serviceName] } })) as Array<{
    ID: string;
    DesiredState: string;
    CreatedAt: string;
    Spec: { ContainerSpec?: { Image?: string; Labels?: Record<string, string> } };
    Status: { State: string; Err?: string; ContainerStatus?: { ContainerID?: string } };
    NetworksAttachments?: Array<{ Addresses?: string[] }>;
  }>;
  return tasks
    .map((t) => ({
      id: t.ID,
      image: t.Spec.ContainerSpec?.Image ?? "",
      desiredState: t.DesiredState,
      state: t.Status.State,
      error: t.Status.Err ?? null,
      containerId: t.Status.ContainerStatus?.ContainerID || null,
      createdAt: t.CreatedAt,
      labels: t.Spec.ContainerSpec?.Labels ?? {},
      addresses: (t.NetworksAttachments ?? []).flatMap((n) => n.Addresses ?? []).map((a) => a.split("/")[0] as string),
    }))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * The last lines a task's container wrote (stdout and stderr), for failure reports. The engine
 * multiplexes the two streams with 8-byte frame headers unless the container has a TTY; they are
 * stripped here. Returns [] when the container is already gone.
 */
export async function containerLogTail(docker: Docker, containerId: string, lines: number): Promise<string[]> {
  let raw: Buffer;
  try {
    raw = (await docker.getContainer(containerId).logs({ stdout: true, stderr: true, tail: lines, follow: false })) as unknown as Buffer;
  } catch (err) {
    if (statusOf(err) === 404) return [];
    throw err;
  }
  return demultiplex(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)))
    .split("\n")
    .map((l) => l.trimEnd())
    .filter(Boolean);
}

function demultiplex(buf: Buffer): string {
  const parts: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length && (buf[i] === 1 || buf[i] === 2 || buf[i] === 0) && buf[i + 1] === 0 && buf[i + 2] === 0 && buf[i + 3] === 0) {
    const size = buf.readUInt32BE(i + 4);
    parts.push(buf.subarray(i + 8, i + 8 + size));
    i += 8 + size;
  }
  // Not framed (TTY container): the bytes are the text.
  if (i === 0) return buf.toString("utf8");
  return Buffer.concat(parts).toString("utf8");
}
