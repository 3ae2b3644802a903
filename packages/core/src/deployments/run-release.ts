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
import type { Claim } from "./deployment-lease";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentFailure, LeaseLost } from "./deployment-failure";
import { DeploymentLog } from "./deployment-log";
import { runReleasePhase } from "./run-release-phase";
import { advanceDeployment, isTerminal } from "./deployment-transitions";
import { type LoadedDeployment, loadDeployment } from "./load-deployment";
import { causeOf, runWithLease } from "./run-with-lease";
import { appImageRepository, buildImageTag } from "./runtime-names";
import { MAX_RECOVERIES, stepDeadline } from "./step-limits";
import { syncRoutes } from "./sync-routes";
import { waitForRelease } from "./wait-for-release";
import { withAppLock } from "./with-app-lock";

const READY_TIMEOUT_MS = 90_000;

/** Where a deployment waits for its rollout: built (builds), or just recorded (config changes, rollbacks). */
function readyStatus(kind: LoadedDeployment["kind"]): DeploymentStatus {
  return kind === "build" ? "queued" : "received";
}

type Outcome = "live" | "failed" | "cancelled" | "skipped";

/**
 * deploy.release: push (builds only) → release → deploy → verify through the router → live; or
 * failed/cancelled with the previous release serving. Runs only for the app's oldest unfinished
 * deployment (push order, one at a time per app), under the deployment's lease. A rollout whose
 * worker died is taken up again here: the release row holds all it needs, so it is re-applied
 * (the Swarm service is updated in place: never a second service) and verified.
 */
export async function runRelease(deps: PipelineDeps, deploymentId: string): Promise<Outcome> {
  const first = await loadDeployment(deps.db, deploymentId);
  if (!first || isTerminal(first.status)) return "skipped";
  const from: DeploymentStatus[] = [readyStatus(first.kind), "pushing", "releasing", "deploying"];
  return runWithLease(deps, { deploymentId, appId: first.app.id, from, headOfLine: true }, async (leased, claim) => {
    // Re-read under the lease: the deploy before this one may have changed the app's current release.
    const deployment = await loadDeployment(deps.db, deploymentId);
    if (!deployment) return "skipped";
    return releaseAndDeploy(leased, deployment, claim);
  });
}

async function releaseAndDeploy(deps: PipelineDeps, deployment: LoadedDeployment, claim: Claim): Promise<Outcome> {
  const log = new DeploymentLog(deps.db, deployment.id);
  const { app } = deployment;
  const key = configKeyOf(deps.config);
  // A rollout taken over from a dead worker may already have pointed the service at the new release.
  let serviceTouched = claim.status === "deploying";
  let release = deployment.release
    ? { id: deployment.release.id, version: deployment.release.version, imageDigest: deployment.release.imageDigest, config: configFromJson(key, deployment.release.config) }
    : undefined;
  try {
    if (claim.recovered) {
      if (claim.recoveries > MAX_RECOVERIES) throw new DeploymentFailure(`The worker deploying this stopped ${claim.recoveries} times; giving up.`);
      log.line(`-----> The worker deploying this stopped during ${claim.status}; taking it up again`);
    }
    if (!release) {
      const draft = deployment.kind === "build" ? await pushBuild(deps, deployment, log) : await reuseBase(deps, deployment);
      if (!draft) return "skipped";
      const made = await createRelease(deps.db, key, deployment.id, draft);
      release = { ...made, imageDigest: draft.imageDigest, config: draft.config };
      log.line(`-----> Releasing v${release.version} (${draft.description})`);
      await log.flush();
      // Every new release runs it, as on Heroku: a config change may be what a migration needs.
      await runReleasePhase(deps, { app, release, log });
    }
    // Under the app lock: the reconciler checks "nobody is deploying" and repairs under the same lock,
    // so it can never re-apply the old release after this rollout has started touching the service.
    const moved = await withAppLock(deps.db, app.id, () =>
      advanceDeployment(deps.db, deployment.id, ["releasing", "deploying"], "deploying", { owner: deps.leaseOwner, stepDeadlineAt: stepDeadline("deploying") }),
    );
    if (!moved) return "skipped";
    log.line(`-----> Deploying v${release.version}`);
    serviceTouched = true;
    const outcome = await applyReleaseService(deps, app, { id: release.id, imageDigest: release.imageDigest, config: release.config });
    log.line(`       service ${outcome === "created" ? "created" : "updated (start-first: the old task serves until the new one is up)"}`);
    await syncRoutes(deps, { include: [app.id] });
    await waitForRelease(deps.docker, deps.config, {
      appId: app.id,
      releaseId: release.id,
      host: appHost(deps.config, app.tenant.name, app.name),
      timeoutMs: deps.readyTimeoutMs ?? READY_TIMEOUT_MS,
      signal: deps.signal,
      onProgress: (line) => log.line(line),
    });
    await concludeSuccess(deps, deployment, log, release);
    return "live";
  } catch (err) {
    const cause = causeOf(err, deps.signal);
    if (cause instanceof LeaseLost) throw cause;
    return concludeFailure(deps, deployment, log, cause, { serviceTouched, releaseId: release?.id });
  }
}

/** queued → pushing → releasing: tags the built image v<N>, pushes it, and drafts the release. */
async function pushBuild(deps: PipelineDeps, deployment: LoadedDeployment, log: DeploymentLog): Promise<NewRelease | null> {
  const { app } = deployment;
  const owner = { owner: deps.leaseOwner };
  if (!(await advanceDeployment(deps.db, deployment.id, ["queued", "pushing"], "pushing", { ...owner, stepDeadlineAt: stepDeadline("pushing") }))) return null;
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
  if (!(await advanceDeployment(deps.db, deployment.id, ["pushing"], "releasing", { ...owner, stepDeadlineAt: stepDeadline("releasing") }))) return null;
  // The version tag now names the image; the per-build tag would only pin it on disk.
  await removeImageIfUnused(deps.docker, built).catch(() => false);
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
  const moved = await advanceDeployment(deps.db, deployment.id, ["received", "releasing"], "releasing", {
    owner: deps.leaseOwner,
    stepDeadlineAt: stepDeadline("releasing"),
  });
  if (!moved) return null;
  // A config change applies to whatever serves when its turn comes (a push queued before it may have
  // gone live since it was recorded); a rollback goes back to the release it names.
  const baseId = deployment.kind === "config" ? (deployment.app.currentRelease?.id ?? deployment.baseReleaseId) : deployment.baseReleaseId;
  const base = baseId ? await deps.db.release.findFirst({ where: { id: baseId, appId: deployment.app.id } }) : null;
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
