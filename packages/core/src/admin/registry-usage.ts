import type { BerthConfig } from "@berth/config/config";
import { AppError } from "../errors/app-error";

export interface RegistryRepositoryUsage {
  repository: string;
  tags: string[];
  /** Distinct layers and configs of all its tags, compressed, as stored in the registry. */
  bytes: number;
}

export interface RegistryUsage {
  repositories: RegistryRepositoryUsage[];
  /** Distinct blobs across every repository (layers shared by base images count once). */
  totalBytes: number;
}

const MANIFEST_TYPES = [
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
].join(", ");

async function registryJson<T>(base: string, path: string, accept?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: accept ? { accept } : {}, signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`registry ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Repositories, tags and stored size of Berth's image registry, read through its v2 API. */
export async function readRegistryUsage(config: Pick<BerthConfig, "registry">, { maxRepositories = 500 } = {}): Promise<RegistryUsage> {
  const base = config.registry.url;
  try {
    const catalog = await registryJson<{ repositories?: string[] }>(base, `/v2/_catalog?n=${maxRepositories}`);
    const everyBlob = new Map<string, number>();
    const repositories = await Promise.all(
      (catalog.repositories ?? []).map(async (repository) => {
        const { tags } = await registryJson<{ tags: string[] | null }>(base, `/v2/${repository}/tags/list`);
        const blobs = new Map<string, number>();
        for (const tag of tags ?? []) {
          const m = await registryJson<{ config?: { digest: string; size: number }; layers?: { digest: string; size: number }[] }>(base, `/v2/${repository}/manifests/${tag}`, MANIFEST_TYPES).catch(() => null);
          for (const b of [m?.config, ...(m?.layers ?? [])]) if (b) blobs.set(b.digest, b.size);
        }
        for (const [d, s] of blobs) everyBlob.set(d, s);
        return { repository, tags: (tags ?? []).sort(), bytes: [...blobs.values()].reduce((a, b) => a + b, 0) };
      }),
    );
    return { repositories: repositories.sort((a, b) => b.bytes - a.bytes), totalBytes: [...everyBlob.values()].reduce((a, b) => a + b, 0) };
  } catch (err) {
    throw new AppError("UNAVAILABLE", {
      message: `registry usage: ${err instanceof Error ? err.message : String(err)}`,
      userMessage: "The image registry did not answer. Check it on the Platform health page, or run `npm run platform -- restart registry`.",
    });
  }
}
