import type Docker from "dockerode";
import { statusOf } from "./images";

/** What Berth decides about one Swarm service; everything else is fixed policy below. */
export interface ServiceSpecInput {
  name: string;
  image: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  networks: string[];
  replicas: number;
}

/**
 * The full Swarm spec. Endpoint mode dnsrr with no published ports: the routing mesh (IPVS) does not
 * work on every kernel, and the router reaches tasks by the service's DNS name on the tenant
 * network. start-first: the old task keeps serving until the new one is running (healthy, when the
 * image has a HEALTHCHECK). Swarm's own failure action is "pause", not "rollback": Berth decides
 * about rollback itself, from what the router actually answers.
 */
export function serviceSpec(input: ServiceSpecInput): Docker.ServiceSpec {
  return {
    Name: input.name,
    Labels: input.labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: input.image,
        Env: Object.entries(input.env).map(([k, v]) => `${k}=${v}`),
        Labels: input.labels,
        // An init as PID 1 forwards SIGTERM: a Node (or any) process as PID 1 ignores it, so every
        // replaced task would otherwise sit out the whole grace period before being killed.
        Init: true,
        StopGracePeriod: 10_000_000_000,
      },
      RestartPolicy: { Condition: "on-failure", Delay: 2_000_000_000, MaxAttempts: 0 },
      Networks: input.networks.map((Target) => ({ Target })),
    },
    Mode: { Replicated: { Replicas: input.replicas } },
    UpdateConfig: { Parallelism: 1, Order: "start-first", FailureAction: "pause", Monitor: 5_000_000_000 },
    RollbackConfig: { Parallelism: 1, Order: "start-first", FailureAction: "pause" },
    EndpointSpec: { Mode: "dnsrr" },
  };
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
}

/** The service's tasks, newest first. */
export async function listServiceTasks(docker: Docker, serviceName: string): Promise<TaskSummary[]> {
  const tasks = (await docker.listTasks({ filters: { service: [serviceName] } })) as Array<{
    ID: string;
    DesiredState: string;
    CreatedAt: string;
    Spec: { ContainerSpec?: { Image?: string; Labels?: Record<string, string> } };
    Status: { State: string; Err?: string; ContainerStatus?: { ContainerID?: string } };
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
