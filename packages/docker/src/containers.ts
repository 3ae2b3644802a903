import { createHash } from "node:crypto";
import type Docker from "dockerode";
import { imageId, statusOf } from "./images";

export interface PortPublish {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol?: "tcp" | "udp";
  /** The setting that chooses this host port, named in the error when the port is taken. */
  envVar?: string;
}

export interface VolumeMount {
  /** A named Docker volume (never a host path: Berth containers get no host mounts). */
  volume: string;
  target: string;
}

export interface ContainerSpec {
  name: string;
  image: string;
  cmd?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
  ports?: PortPublish[];
  volumes?: VolumeMount[];
  restartPolicy?: "no" | "always" | "unless-stopped" | "on-failure";
}

export type EnsureContainerOutcome = "running" | "started" | "created" | "recreated";

/** The label holding a digest of the spec a container was created from; a different digest means "recreate". */
export const SPEC_HASH_LABEL = "org.berth.spec-hash";

export class PortConflictError extends Error {
  constructor(
    readonly container: string,
    readonly port: PortPublish,
    engineMessage: string,
  ) {
    const where = `${port.hostIp}:${port.hostPort}`;
    const choose = port.envVar ? ` or pick another port by setting ${port.envVar} (environment or berth.env)` : " or pick another port";
    super(
      `Port ${where} is already in use on this host, so container ${container} cannot publish it. ` +
        `Free it (see who holds it with \`ss -ltnp 'sport = :${port.hostPort}'\`)${choose}, then retry. Engine said: ${engineMessage}`,
    );
    this.name = "PortConflictError";
  }
}

export async function inspectContainer(docker: Docker, name: string): Promise<Docker.ContainerInspectInfo | null> {
  try {
    return await docker.getContainer(name).inspect();
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

/**
 * Brings a named container to the spec: a running container created from the same spec and image is
 * left alone (no restart, no dropped connections); a stopped one is started; one created from another
 * spec or an older image is replaced. Replacing drops its extra network attachments, so callers that
 * connect it to networks reconcile those afterwards.
 */
export async function ensureContainer(docker: Docker, spec: ContainerSpec): Promise<{ id: string; outcome: EnsureContainerOutcome }> {
  const wantedImageId = await imageId(docker, spec.image);
  if (!wantedImageId) throw new Error(`Image ${spec.image} is not present; build or pull it before creating ${spec.name}.`);
  const hash = specHash(spec);
  const existing = await inspectContainer(docker, spec.name);

  let outcome: EnsureContainerOutcome;
  let id: string;
  if (existing && existing.Image === wantedImageId && existing.Config.Labels?.[SPEC_HASH_LABEL] === hash) {
    id = existing.Id;
    if (existing.State.Running) return { id, outcome: "running" };
    outcome = "started";
  } else {
    if (existing) await removeContainer(docker, spec.name);
    id = await createContainer(docker, spec, hash);
    outcome = existing ? "recreated" : "created";
  }
  await startContainer(docker, spec, id);
  return { id, outcome };
}

/** Removes a container whether running or not; a missing container is not an error. */
export async function removeContainer(docker: Docker, name: string, opts: { removeVolumes?: boolean } = {}): Promise<boolean> {
  try {
    await docker.getContainer(name).remove({ force: true, v: opts.removeVolumes ?? false });
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    throw err;
  }
}

async function createContainer(docker: Docker, spec: ContainerSpec, hash: string): Promise<string> {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports ?? []) {
    const key = `${p.containerPort}/${p.protocol ?? "tcp"}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
  }
  const container = await docker.createContainer({
    name: spec.name,
    Image: spec.image,
    Cmd: spec.cmd,
    Env: Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`),
    Labels: { ...(spec.labels ?? {}), [SPEC_HASH_LABEL]: hash },
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      RestartPolicy: { Name: spec.restartPolicy ?? "no" },
      Mounts: (spec.volumes ?? []).map((v) => ({ Type: "volume" as const, Source: v.volume, Target: v.target })),
    },
  });
  return container.id;
}

async function startContainer(docker: Docker, spec: ContainerSpec, id: string): Promise<void> {
  try {
    await docker.getContainer(id).start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/port is already allocated|address already in use/i.test(message)) {
      const port = (spec.ports ?? []).find((p) => message.includes(`:${p.hostPort}`)) ?? spec.ports?.[0];
      if (port) throw new PortConflictError(spec.name, port, message);
    }
    throw err;
  }
}

function specHash(spec: ContainerSpec): string {
  return createHash("sha256").update(canonicalJson(spec)).digest("hex").slice(0, 32);
}

/** JSON with sorted object keys, so the same spec always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Stops a container (SIGTERM, then SIGKILL after the grace period); a stopped or missing one is left
 * as is. An `unless-stopped` container stays stopped until started again, also across engine restarts.
 */
export async function stopContainer(docker: Docker, name: string, graceSeconds = 10): Promise<"stopped" | "not-running"> {
  const existing = await inspectContainer(docker, name);
  if (!existing?.State.Running) return "not-running";
  try {
    await docker.getContainer(name).stop({ t: graceSeconds });
    return "stopped";
  } catch (err) {
    // It stopped or vanished between the inspect and the stop.
    const status = statusOf(err);
    if (status === 304 || status === 404) return "not-running";
    throw err;
  }
}
