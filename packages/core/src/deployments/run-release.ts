import type { DeploymentStatus } from "@berth/db/generated/prisma/enums";
import { removeImageIfUnused } from "@berth/docker/images";
import { pushImage, tagImage } from "@berth/docker/push-image";
import { appHost } from "../apps/app-url";
import { configKeyOf } from "../crypto/config-cipher";
import { buildProcessTypes } from "../builds/build-process-types";
import { applyReleaseService } from "./apply-release-service";
import { concludeFailure } from "./conclude-failure";
import { concludeSuccess } from "./conclude-success";
import { configFromJson, createRelease, currentConfig, nextReleaseVersion, type NewRelease } from "./create-release";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentFailure } from "./deployment-failure";
import { DeploymentLog } from "./deployment-log";
import { runReleasePhase } from "./run-release-phase";
import { advanceDeployment } from "./deployment-transitions";
import { type LoadedDeployment, loadDeployment } from "./load-deployment";
import { appImageRepository, appServiceName, buildImageTag } from "./runtime-names";
import { syncRoutes } from "./sync-routes";
import { waitForRelease } from "./wait-for-release";
import { withAppLock } from "./with-app-lock";

const READY_TIMEOUT_MS = 90_000;

/** A build has finished building when deploy.release picks it up; the others start here. */
function expectedStatus(kind: LoadedDeployment["kind"]): DeploymentStatus {
  return kind === "build" ? "building" : "received";
}

type Outcome = "live" | "failed" | "skipped";

/**
 * deploy.release: push (builds only) → release → deploy → verify through the router → live; or
 * failed with the previous release serving. One at a time per app (advisory lock); idempotent: a
 * deployment not in the state this step expects is left alone.
 */
export async function runRelease(deps: PipelineDeps, deploymentId: string): Promise<Outcome> {
  const first = await loadDeployment(deps.db, deploymentId);
  if (!first || first.status !== expectedStatus(first.kind)) return "skipped";
  return withAppLock(deps.db, first.app.id, async () => {
    // Re-read under the lock: another deploy of this app may have finished meanwhile and changed its current release.
    const deployment = await loadDeployment(deps.db, deploymentId);
    if (!deployment || deployment.status !== expectedStatus(deployment.kind)) return "skipped";
    return releaseAndDeploy(deps, deployment);
  });
}

async function releaseAndDeploy(deps: PipelineDeps, deployment: LoadedDeployment): Promise<Outcome> {
  const log = new DeploymentLog(deps.db, deployment.id);
  const { app } = deployment;
  let serviceTouched = false;
  let release: { id: string; version: number } | undefined;
  try {
    const draft = deployment.kind === "build" ? await pushBuild(deps, deployment, log) : await reuseBase(deps, deployment);
    if (!draft) return "skipped";
    release = await createRelease(deps.db, configKeyOf(deps.config), deployment.id, draft);
    log.line(`-----> Releasing v${release.version} (${draft.description})`);
    await log.flush();
    if (deployment.kind === "build") await runReleasePhase(deps, { deploymentId: deployment.id, app, release: { version: release.version, imageDigest: draft.imageDigest, config: draft.config }, log });

    if (!(await advanceDeployment(deps.db, deployment.id, ["releasing"], "deploying"))) return "skipped";
    log.line(`-----> Deploying v${release.version}`);
    serviceTouched = true;
    const outcome = await applyReleaseService(deps.docker, deps.config, app, { id: release.id, imageDigest: draft.imageDigest, config: draft.config });
    log.line(`       service ${outcome === "created" ? "created" : "updated (start-first: the old task serves until the new one is up)"}`);
    await syncRoutes(deps, { include: [app.id] });
    await waitForRelease(deps.docker, deps.config, {
      serviceName: appServiceName(app.id),
      releaseId: release.id,
      host: appHost(deps.config, app.tenant.name, app.name),
      timeoutMs: deps.readyTimeoutMs ?? READY_TIMEOUT_MS,
      signal: deps.signal,
      onProgress: (line) => log.line(line),
    });
    await concludeSuccess(deps, deployment, log, release);
    return "live";
  } catch (err) {
    await concludeFailure(deps, deployment, log, err, { serviceTouched, releaseId: release?.id });
    return "failed";
  }
}

/** building → pushing → releasing: tags the built image v<N>, pushes it, and drafts the release. */
async function pushBuild(deps: PipelineDeps, deployment: LoadedDeployment, log: DeploymentLog): Promise<NewRelease | null> {
  const { app } = deployment;
  if (!(await advanceDeployment(deps.db, deployment.id, ["building"], "pushing"))) return null;
  const version = await nextReleaseVersion(deps.db, app.id);
  const built = buildImageTag(deps.config, app.tenant.name, app.name, deployment.id);
  const imageRef = `${appImageRepository(deps.config, app.tenant.name, app.name)}:v${version}`;
  log.line(`-----> Pushing ${imageRef}`);
  let imageDigest: string;
  try {
    await tagImage(deps.docker, built, imageRef);
    imageDigest = await pushImage(deps.docker, imageRef, { signal: deps.signal });
  } catch (err) {
    if (deps.signal.aborted) throw err;
    throw new DeploymentFailure(`Pushing the image to Berth's registry failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  log.line(`       ${imageDigest}`);
  // The version tag now names the image; the per-build tag would only pin it on disk.
  await removeImageIfUnused(deps.docker, built).catch(() => false);
  if (!(await advanceDeployment(deps.db, deployment.id, ["pushing"], "releasing"))) return null;
  return {
    appId: app.id,
    version,
    kind: "build",
    imageRef,
    imageDigest,
    config: await currentConfig(deps.db, configKeyOf(deps.config), app.id),
    description: deployment.description,
    sourceCommit: deployment.commitSha,
    createdById: deployment.createdById,
    processTypes: await buildProcessTypes(deps.db, deployment.id),
  };
}

/** received → releasing for a config change or rollback: the base release's image, a new config. */
async function reuseBase(deps: PipelineDeps, deployment: LoadedDeployment): Promise<NewRelease | null> {
  if (!(await advanceDeployment(deps.db, deployment.id, ["received"], "releasing"))) return null;
  const base = deployment.baseReleaseId
    ? await deps.db.release.findFirst({ where: { id: deployment.baseReleaseId, appId: deployment.app.id } })
    : null;
  if (!base) throw new DeploymentFailure("The release this deployment builds on no longer exists.");
  return {
    appId: deployment.app.id,
    version: await nextReleaseVersion(deps.db, deployment.app.id),
    kind: deployment.kind,
    imageRef: base.imageRef,
    imageDigest: base.imageDigest,
    config: configFromJson(configKeyOf(deps.config), deployment.kind === "config" ? deployment.config : base.config),
    description: deployment.description,
    sourceCommit: base.sourceCommit,
    createdById: deployment.createdById,
    processTypes: base.processTypes as Record<string, string>,
  };
}
