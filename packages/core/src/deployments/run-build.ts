import { rm } from "node:fs/promises";
import { detectBuildPlan } from "@berth/builder/detect-build-plan";
import { generateBuildFiles } from "@berth/builder/generate-dockerfile";
import { readSourceTree } from "@berth/builder/read-source-tree";
import { buildImage } from "@berth/docker/images";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentFailure } from "./deployment-failure";
import { DeploymentLog } from "./deployment-log";
import { advanceDeployment } from "./deployment-transitions";
import { concludeFailure } from "./conclude-failure";
import { loadDeployment } from "./load-deployment";
import { appLabels, buildImageTag } from "./runtime-names";

const BUILDER_LABEL = "org.berth.builder";

/**
 * deploy.build: `received` → `building`, detects how to build the pushed tree, builds the image
 * (output streamed into the deployment's log) and hands over to deploy.release. Idempotent: a
 * deployment no longer `received` is left alone.
 */
export async function runBuild(deps: PipelineDeps, deploymentId: string): Promise<"built" | "failed" | "skipped"> {
  const deployment = await loadDeployment(deps.db, deploymentId);
  if (!deployment || deployment.kind !== "build" || !deployment.sourceArchive || !deployment.commitSha) return "skipped";
  if (!(await advanceDeployment(deps.db, deploymentId, ["received"], "building"))) return "skipped";

  const log = new DeploymentLog(deps.db, deploymentId);
  const { app } = deployment;
  try {
    log.line(`-----> Building ${app.name} (${deployment.commitSha.slice(0, 7)})`);
    const tree = await readSourceTree(deployment.sourceArchive).catch((err: unknown) => {
      throw new DeploymentFailure(`The pushed source could not be read: ${err instanceof Error ? err.message : String(err)}`);
    });
    const plan = detectBuildPlan(tree);
    if (plan.builder === null) throw new DeploymentFailure(plan.message);
    const generated = generateBuildFiles(plan, deps.config.baseImages, tree.dockerignore);
    log.line(generated ? `-----> Detected a ${plan.builder === "node" ? "Node.js app" : "static site"}; generated its Dockerfile` : "-----> Building the app's Dockerfile");
    if (generated) for (const l of generated.dockerfile.trimEnd().split("\n")) log.line(`       ${l}`);

    const tag = buildImageTag(deps.config, app.tenant.name, app.name, deploymentId);
    try {
      await buildImage(deps.docker, {
        tag,
        sourceArchive: deployment.sourceArchive,
        ...(generated ? { dockerfile: generated.dockerfile, files: { ".dockerignore": generated.dockerignore } } : {}),
        labels: { ...appLabels(app), [BUILDER_LABEL]: plan.builder, "org.berth.deployment": deploymentId },
        onOutput: (line) => log.line(`       ${line}`),
        signal: deps.signal,
      });
    } catch (err) {
      if (deps.signal.aborted) throw err;
      // The build output is already in the log; the reason names the step that broke.
      const first = (err instanceof Error ? err.message : String(err)).split("\n--- last build output ---")[0] ?? "";
      throw new DeploymentFailure(`The build failed: ${first.replace(/^Building \S+ failed: /, "")}`);
    }
    log.line("-----> Build finished");
    await log.flush();
    await deps.enqueueRelease(deploymentId);
    return "built";
  } catch (err) {
    await concludeFailure(deps, deployment, log, err, { serviceTouched: false });
    return "failed";
  } finally {
    // The image now holds the source (or the build failed for good: deployments are not retried),
    // so the pushed tree is not kept: disks must not fill up with every push ever made.
    await rm(deployment.sourceArchive, { force: true });
  }
}
