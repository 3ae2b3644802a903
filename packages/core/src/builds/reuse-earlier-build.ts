import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { imageExists, tryPullImage } from "@berth/docker/images";
import { splitImageTag, tagImage } from "@berth/docker/push-image";

export interface ReusedBuild {
  deploymentId: string;
  version: number;
  imageRef: string;
}

/**
 * A push whose tree was already built the same way (same cache key) reuses that build's image:
 * it is tagged as this deployment's build and the release step pushes it (every layer is already
 * in the registry, so that push only checks). The image comes from the engine when it still has
 * it, else from Berth's registry by digest. Null when there is no such build or its image is gone.
 */
export async function reuseEarlierBuild(
  deps: { db: DbClient; docker: DockerClient },
  input: { appId: string; deploymentId: string; cacheKey: string; targetTag: string },
): Promise<ReusedBuild | null> {
  const earlier = await deps.db.deployment.findMany({
    where: { appId: input.appId, id: { not: input.deploymentId }, releaseId: { not: null }, buildPlan: { path: ["cacheKey"], equals: input.cacheKey } },
    orderBy: { createdAt: "desc" },
    take: 3,
    select: { id: true, release: { select: { version: true, imageRef: true, imageDigest: true } } },
  });
  for (const d of earlier) {
    if (!d.release) continue;
    const { imageRef, imageDigest, version } = d.release;
    let source: string | null = null;
    if (await imageExists(deps.docker, imageRef)) source = imageRef;
    else {
      const byDigest = `${splitImageTag(imageRef).repo}@${imageDigest}`;
      if (await tryPullImage(deps.docker, byDigest, { timeoutMs: 60_000 })) source = byDigest;
    }
    if (!source) continue;
    await tagImage(deps.docker, source, input.targetTag);
    return { deploymentId: d.id, version, imageRef };
  }
  return null;
}
