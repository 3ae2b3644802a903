import type Docker from "dockerode";
import { Readable } from "node:stream";
import { contextFromArchive, packFiles } from "./build-context";
import { followStream, outputLines, streamError } from "./follow-stream";

/** Docker answers 404 for an image it does not have; anything else is a real failure. */
export async function imageExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getImage(name).inspect();
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    throw err;
  }
}

/** The image's id (`sha256:…`), or null when the engine does not have it. */
export async function imageId(docker: Docker, name: string): Promise<string | null> {
  try {
    return (await docker.getImage(name).inspect()).Id;
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

export interface ImportOptions {
  repo: string;
  tag: string;
  /** Dockerfile instructions applied to the imported layer (`CMD …`, `LABEL …`, `ENV …`). */
  changes?: string[];
}

/** Imports a root filesystem tar stream as `repo:tag`; returns the new image id. */
export async function importRootfs(docker: Docker, tarStream: NodeJS.ReadableStream, opts: ImportOptions): Promise<string> {
  const query: Record<string, unknown> = { repo: opts.repo, tag: opts.tag };
  if (opts.changes?.length) query.changes = opts.changes;
  const stream = await docker.importImage(tarStream, query);
  const messages = await followStream(stream);
  const error = streamError(messages);
  const name = `${opts.repo}:${opts.tag}`;
  if (error) throw new Error(`Importing ${name} failed: ${error}`);
  const id = await imageId(docker, name);
  if (!id) throw new Error(`Importing ${name} finished but the engine does not list the image.`);
  return id;
}

export interface BuildOptions {
  tag: string;
  /** The Dockerfile's text; omit it to build the Dockerfile the source archive brings. */
  dockerfile?: string;
  /** Extra files of the build context, by path relative to the context root; they replace archive members of the same path. */
  files?: Record<string, string | Buffer>;
  /** A tar of the source tree to build (a pushed commit); streamed to the engine, never unpacked. */
  sourceArchive?: string;
  /** Aborting stops the build: the engine cancels a build whose connection closes. */
  signal?: AbortSignal;
  labels?: Record<string, string>;
  /** Called with each line of build output, for progress displays and logs. */
  onOutput?: (line: string) => void;
  /** Ignore the layer cache, e.g. to pick up new Debian package versions. */
  noCache?: boolean;
  /** Build args (`ARG` values). The classic builder records them in the history of the stage that uses them. */
  buildArgs?: Record<string, string>;
  /** Resource limits of the build's containers. */
  limits?: { cpus?: number; memoryBytes?: number };
  /** Build from this directory of the source archive (it becomes the context root). */
  contextDir?: string;
  /** Leaves archive members out of the context (paths relative to the context root): .dockerignore rules. */
  exclude?: (path: string) => boolean;
}

const FAILURE_CONTEXT_LINES = 20;

/**
 * Builds an image from a source archive and/or files held in memory, so callers never write a
 * temporary context directory. Base images are never pulled: Berth's own bases are local, and an
 * air-gapped engine would otherwise stall on Docker Hub.
 */
export async function buildImage(docker: Docker, opts: BuildOptions): Promise<string> {
  const files = { ...(opts.dockerfile !== undefined ? { Dockerfile: opts.dockerfile } : {}), ...(opts.files ?? {}) };
  if (!opts.sourceArchive && !("Dockerfile" in files)) throw new Error(`Building ${opts.tag} needs a Dockerfile or a source archive.`);
  const context = opts.sourceArchive ? contextFromArchive(opts.sourceArchive, files, opts.contextDir, opts.exclude) : Readable.from([await packFiles(files)]);
  const CPU_PERIOD = 100_000;
  const limits = {
    ...(opts.limits?.cpus ? { cpuperiod: CPU_PERIOD, cpuquota: Math.round(opts.limits.cpus * CPU_PERIOD) } : {}),
    // memswap = memory: no swap on top, so a runaway build fails instead of thrashing the host.
    ...(opts.limits?.memoryBytes ? { memory: opts.limits.memoryBytes, memswap: opts.limits.memoryBytes } : {}),
  };
  const stream = await docker.buildImage(context, {
    t: opts.tag,
    dockerfile: "Dockerfile",
    labels: opts.labels ?? {},
    rm: true,
    forcerm: true,
    nocache: opts.noCache ?? false,
    ...(opts.buildArgs && Object.keys(opts.buildArgs).length ? { buildargs: opts.buildArgs } : {}),
    ...limits,
    abortSignal: opts.signal,
  });
  const messages = await followStream(stream, (msg) => {
    if (!opts.onOutput) return;
    for (const line of outputLines([msg])) opts.onOutput(line);
  });
  const error = streamError(messages);
  if (error) {
    const tail = outputLines(messages).slice(-FAILURE_CONTEXT_LINES).join("\n");
    throw new Error(`Building ${opts.tag} failed: ${error}\n--- last build output ---\n${tail}`);
  }
  const id = await imageId(docker, opts.tag);
  if (!id) throw new Error(`Building ${opts.tag} finished but the engine does not list the image.`);
  return id;
}

/**
 * Pulls an image, giving up after `timeoutMs`. Returns false instead of throwing when the registry
 * cannot be reached or refuses: on an air-gapped host "could not pull" is an expected answer that
 * the caller turns into "build it locally" or a clear message.
 */
export async function tryPullImage(docker: Docker, name: string, opts: { timeoutMs: number }): Promise<boolean> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  try {
    const stream = await docker.pull(name, { abortSignal: abort.signal });
    const messages = await followStream(stream);
    return streamError(messages) === null && (await imageExists(docker, name));
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Removes an image if nothing uses it any more; images still in use or already gone are left alone. */
export async function removeImageIfUnused(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getImage(name).remove();
    return true;
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 409) return false;
    throw err;
  }
}

export function statusOf(err: unknown): number | undefined {
  return typeof err === "object" && err !== null && "statusCode" in err ? Number((err as { statusCode: unknown }).statusCode) : undefined;
}
