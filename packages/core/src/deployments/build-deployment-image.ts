import { detectBuildPlan } from "@berth/builder/detect-build-plan";
import { generateBuildFiles } from "@berth/builder/generate-dockerfile";
import { readSourceTree } from "@berth/builder/read-source-tree";
import { parseDockerignore } from "@berth/builder/dockerignore";
import { fileText, normalizeDir, subtree } from "@berth/builder/source-tree";
import { buildImage, imageId } from "@berth/docker/images";
import type { Prisma } from "@berth/db/generated/prisma/client";
import { buildCacheKey } from "../builds/build-cache-key";
import { parseStoredBuildSettings } from "../builds/build-settings-schema";
import { CappedOutput } from "../builds/capped-output";
import { formatBuildPlan } from "../builds/format-build-plan";
import { reuseEarlierBuild } from "../builds/reuse-earlier-build";
import { configKeyOf } from "../crypto/config-cipher";
import { currentConfig } from "./create-release";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentFailure } from "./deployment-failure";
import type { DeploymentLog } from "./deployment-log";
import type { LoadedDeployment } from "./load-deployment";
import { appLabels, buildImageTag } from "./runtime-names";

const BUILDER_LABEL = "org.berth.builder";

/**
 * The build step of a push: detects how to build the tree (honouring the app's build settings),
 * records the plan on the deployment and prints it first, then either reuses the image of an
 * identical earlier build or builds one (CPU, memory and time limits; output capped). Leaves the
 * image tagged as the deployment's build tag; throws DeploymentFailure with a reason for the pusher.
 */
export async function buildDeploymentImage(deps: PipelineDeps, deployment: LoadedDeployment, log: DeploymentLog): Promise<void> {
  const { app } = deployment;
  const archive = deployment.sourceArchive as string;
  log.line(`-----> Building ${app.name} (${(deployment.commitSha ?? "").slice(0, 7)})`);

  const row = await deps.db.app.findUnique({ where: { id: app.id }, select: { buildSettings: true } });
  const settings = parseStoredBuildSettings(row?.buildSettings);
  const buildDir = normalizeDir(settings.buildDir) ?? "";
  const dockerfilePath = normalizeDir(settings.dockerfilePath) || "Dockerfile";
  const tree = await readSourceTree(archive, [buildDir ? `${buildDir}/${dockerfilePath}` : dockerfilePath]).catch((err: unknown) => {
    throw new DeploymentFailure(`The pushed source could not be read: ${err instanceof Error ? err.message : String(err)}`);
  });
  const detected = detectBuildPlan(tree, settings);
  if (detected.provider === null) throw new DeploymentFailure(detected.message);
  const { plan } = detected;

  // Build secrets: only the config vars the app named, handed over as build args of a build stage.
  const secretNames = settings.buildSecrets ?? [];
  const config = secretNames.length ? await currentConfig(deps.db, configKeyOf(deps.config), app.id) : {};
  const secrets = Object.fromEntries(secretNames.filter((n) => n in config).map((n) => [n, config[n] as string]));
  const missing = secretNames.filter((n) => !(n in config));
  if (missing.length) plan.warnings.push(`Build secrets not set as config vars, so not given to the build: ${missing.join(", ")}.`);
  if (detected.recipe === null && secretNames.length) {
    plan.warnings.push("Build secrets reach your Dockerfile as build args (ARG NAME): use them only in a build stage, or they stay in the image's history.");
  }

  const dockerDockerfile = dockerfilePath;
  const generated = generateBuildFiles(detected, deps.config.baseImages, {
    userDockerignore: fileText(subtree(tree, buildDir), ".dockerignore"),
    buildSecrets: Object.keys(secrets),
  });
  const bases = generated ? [...new Set(generated.dockerfile.match(/^FROM (\S+)/gm)?.map((l) => l.slice(5)) ?? [])] : [];
  const baseImageIds = await Promise.all(bases.map(async (b) => (await imageId(deps.docker, b)) ?? b));
  const cacheKey = buildCacheKey({
    treeDigest: tree.treeDigest,
    dockerfile: generated?.dockerfile ?? "",
    dockerignore: generated?.dockerignore ?? "",
    baseImageIds,
    buildDir,
    dockerfilePath: dockerDockerfile,
    secrets,
    secretKey: deps.config.configKey,
  });

  for (const line of formatBuildPlan(plan)) log.line(line);
  const record = { ...plan, treeDigest: tree.treeDigest, cacheKey, reusedFrom: null as null | { deploymentId: string; version: number } };
  await deps.db.deployment.update({ where: { id: deployment.id }, data: { buildPlan: record as unknown as Prisma.InputJsonValue } });

  const tag = buildImageTag(deps.config, app.tenant.name, app.name, deployment.id);
  const reused = await reuseEarlierBuild({ db: deps.db, docker: deps.docker }, { appId: app.id, deploymentId: deployment.id, cacheKey, targetTag: tag });
  if (reused) {
    log.line(`-----> This tree was built before (v${reused.version}): reusing its image, no build`);
    record.reusedFrom = { deploymentId: reused.deploymentId, version: reused.version };
    await deps.db.deployment.update({ where: { id: deployment.id }, data: { buildPlan: record as unknown as Prisma.InputJsonValue } });
    return;
  }

  if (generated) {
    log.line("-----> Generated Dockerfile");
    for (const l of generated.dockerfile.trimEnd().split("\n")) log.line(`       ${l}`);
  }
  // The engine does not apply .dockerignore to API builds; Berth does, as the docker CLI would.
  const ignore = parseDockerignore(generated?.dockerignore ?? fileText(subtree(tree, buildDir), ".dockerignore") ?? "");
  const exclude = (p: string) => p !== dockerDockerfile && p !== ".dockerignore" && ignore(p);
  const timeout = AbortSignal.timeout(deps.config.build.timeoutMs);
  const output = new CappedOutput(deps.config.build.logLimitBytes, (l) => log.line(l));
  const signal = AbortSignal.any([deps.signal, timeout]);
  try {
    await buildImage(deps.docker, {
      tag,
      sourceArchive: archive,
      ...(buildDir ? { contextDir: buildDir } : {}),
      ...(generated
        ? { dockerfile: generated.dockerfile, files: { ".dockerignore": generated.dockerignore } }
        : dockerDockerfile !== "Dockerfile"
          ? { dockerfile: fileText(subtree(tree, buildDir), dockerDockerfile) ?? "" }
          : {}),
      exclude,
      buildArgs: secrets,
      limits: { cpus: deps.config.build.cpus, memoryBytes: deps.config.build.memoryBytes },
      labels: { ...appLabels(app), [BUILDER_LABEL]: plan.provider, "org.berth.deployment": deployment.id },
      // Output still in flight when the build is stopped would land after the log's closing lines.
      onOutput: (line) => {
        if (!signal.aborted) output.line(`       ${line}`);
      },
      // Aborting drops the connection to the engine, which stops the build there too.
      signal,
    });
  } catch (err) {
    if (timeout.aborted && !deps.signal.aborted) {
      throw new DeploymentFailure(`The build ran longer than ${Math.round(deps.config.build.timeoutMs / 1000)} s (BERTH_BUILD_TIMEOUT_SECONDS) and was stopped.`);
    }
    if (deps.signal.aborted) throw err;
    if (output.wasCut) for (const l of output.tail()) log.line(l);
    // The build output is already in the log; the reason names the step that broke.
    const first = (err instanceof Error ? err.message : String(err)).split("\n--- last build output ---")[0] ?? "";
    throw new DeploymentFailure(`The build failed: ${first.replace(/^Building \S+ failed: /, "")}`);
  }
  log.line("-----> Build finished");
}
