import { runOneOffContainer } from "@berth/docker/one-off-container";
import { ensureTenantNetwork, releaseEnv } from "./apply-release-service";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentFailure } from "./deployment-failure";
import type { DeploymentLog } from "./deployment-log";
import { appImageRepository, appLabels } from "./runtime-names";

export interface ReleasePhaseInput {
  app: { id: string; name: string; tenant: { id: string; name: string } };
  release: { version: number; imageDigest: string; config: Record<string, string> };
  log: DeploymentLog;
}

/**
 * The Procfile's `release:` command of the image: it came with the source, so it is in the build
 * plan of the build that produced this image digest — whichever kind of release (a push, a config
 * change or a rollback) now deploys that image.
 */
async function releaseCommand(deps: PipelineDeps, appId: string, imageDigest: string): Promise<string | null> {
  const row = await deps.db.deployment.findFirst({
    where: { appId, kind: "build", release: { imageDigest } },
    orderBy: { createdAt: "desc" },
    select: { buildPlan: true },
  });
  const plan = row?.buildPlan as { release?: unknown } | null | undefined;
  return typeof plan?.release === "string" && plan.release.trim() ? plan.release : null;
}

/**
 * The release phase: after a release is recorded (a push, a config change or a rollback, as on
 * Heroku) and before any traffic moves, the Procfile's `release:` command runs once in a one-off
 * container of the release's image, with the release's config, on the tenant's network (so it
 * reaches the app's database). Its output goes to the deployment log. A non-zero exit (or a run
 * past the build timeout) throws, which fails the deployment before the service is touched: the
 * previous release keeps serving.
 */
export async function runReleasePhase(deps: PipelineDeps, input: ReleasePhaseInput): Promise<void> {
  const command = await releaseCommand(deps, input.app.id, input.release.imageDigest);
  if (!command) return;
  const { app, release, log } = input;
  log.line(`-----> Running the release command for v${release.version}: ${command}`);
  const network = await ensureTenantNetwork(deps.docker, deps.config, app.tenant);
  const image = `${appImageRepository(deps.config, app.tenant.name, app.name)}@${release.imageDigest}`;
  const result = await runOneOffContainer(deps.docker, {
    name: `berth-release-${app.id}-v${release.version}`,
    image,
    // The same form the image's own command takes: a shell line, as written in the Procfile.
    cmd: ["/bin/sh", "-c", command],
    env: releaseEnv(release.config), // never logged: goes to the engine only
    network,
    labels: { ...appLabels(app), "org.berth.release-phase": `v${release.version}` },
    limits: { cpus: deps.config.build.cpus, memoryBytes: deps.config.build.memoryBytes },
    onOutput: (line) => log.line(`       ${line}`),
    timeoutMs: deps.config.build.timeoutMs,
    signal: deps.signal,
  });
  if ("timedOut" in result) {
    throw new DeploymentFailure(`The release command ran longer than ${Math.round(deps.config.build.timeoutMs / 1000)} s and was stopped; v${release.version} was not deployed.`);
  }
  if (result.exitCode !== 0) {
    throw new DeploymentFailure(`The release command exited with status ${result.exitCode}; v${release.version} was not deployed.`);
  }
  log.line("       release command succeeded");
}
