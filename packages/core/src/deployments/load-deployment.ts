import type { DbClient } from "@berth/db/client";

/** The deployment with what every step needs: its app, tenant, base release and (once made) its release. */
export async function loadDeployment(db: DbClient, deploymentId: string) {
  return db.deployment.findUnique({
    where: { id: deploymentId },
    select: {
      id: true,
      kind: true,
      status: true,
      commitSha: true,
      sourceArchive: true,
      config: true,
      description: true,
      createdById: true,
      releaseId: true,
      baseReleaseId: true,
      queuePrefix: true,
      release: { select: { id: true, version: true, imageDigest: true, config: true } },
      app: {
        select: {
          id: true,
          name: true,
          tenantId: true,
          tenant: { select: { id: true, name: true } },
          currentRelease: { select: { id: true, version: true, status: true, imageRef: true, imageDigest: true, config: true } },
        },
      },
    },
  });
}

export type LoadedDeployment = NonNullable<Awaited<ReturnType<typeof loadDeployment>>>;
