import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { statusOf } from "./images";

export interface OneOffSpec {
  name: string;
  image: string;
  /** Argument array: the command is never given to a shell by Berth (the image's own shell may run it). */
  cmd: string[];
  env: Record<string, string>;
  network?: string;
  labels?: Record<string, string>;
  limits?: { cpus?: number; memoryBytes?: number };
  /** Each line of stdout and stderr as it comes. */
  onOutput: (line: string) => void;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type OneOffResult = { exitCode: number } | { timedOut: true };

/**
 * Runs a container to completion (a release command, a one-off task): streams its output, returns
 * its exit code, and always removes it. A run past `timeoutMs` is killed and reported as timed out.
 */
export async function runOneOffContainer(docker: Docker, spec: OneOffSpec): Promise<OneOffResult> {
  await docker.getContainer(spec.name).remove({ force: true }).catch((err: unknown) => {
    if (statusOf(err) !== 404) throw err;
  });
  const CPU_PERIOD = 100_000;
  const container = await docker.createContainer({
    name: spec.name,
    Image: spec.image,
    Cmd: spec.cmd,
    Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
    Labels: spec.labels ?? {},
    HostConfig: {
      Init: true,
      ...(spec.network ? { NetworkMode: spec.network } : {}),
      ...(spec.limits?.cpus ? { CpuPeriod: CPU_PERIOD, CpuQuota: Math.round(spec.limits.cpus * CPU_PERIOD) } : {}),
      ...(spec.limits?.memoryBytes ? { Memory: spec.limits.memoryBytes, MemorySwap: spec.limits.memoryBytes } : {}),
    },
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void container.kill().catch(() => undefined);
  }, spec.timeoutMs);
  const onAbort = () => void container.kill().catch(() => undefined);
  spec.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    await container.start();
    const raw = (await container.logs({ follow: true, stdout: true, stderr: true })) as unknown as NodeJS.ReadableStream;
    await new Promise<void>((resolve, reject) => {
      const out = new PassThrough();
      let pending = "";
      out.on("data", (chunk: Buffer) => {
        pending += chunk.toString("utf8");
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const l of lines) spec.onOutput(l.replace(/\r$/, ""));
      });
      docker.modem.demuxStream(raw, out, out);
      raw.on("end", () => {
        if (pending) spec.onOutput(pending);
        resolve();
      });
      raw.on("error", reject);
    });
    const waited = (await container.wait()) as { StatusCode: number };
    if (timedOut) return { timedOut: true };
    return { exitCode: waited.StatusCode };
  } finally {
    clearTimeout(timer);
    spec.signal?.removeEventListener("abort", onAbort);
    await container.remove({ force: true }).catch(() => undefined);
  }
}
