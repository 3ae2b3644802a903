import path from "node:path";
import type Docker from "dockerode";
import type { BerthConfig } from "@berth/config/config";
import { ensureBaseImages } from "@berth/base-images/ensure-base-images";
import { isBaseImageKind, BASE_IMAGE_KINDS, type BaseImageKind } from "@berth/base-images/kinds";
import { connectDocker } from "@berth/docker/engine";
import { BringUpError } from "../util/bring-up-error";
import type { StepLog } from "../util/log";

export async function ensureBaseImageSet(
  docker: Docker,
  config: BerthConfig,
  log: StepLog,
  options: { rebuild: boolean; kinds?: BaseImageKind[] },
): Promise<void> {
  try {
    const results = await ensureBaseImages({
      docker,
      images: config.baseImages,
      workDir: path.join(config.dataDir, "base-images"),
      rebuild: options.rebuild,
      kinds: options.kinds,
      log: (line) => log.info(line),
    });
    const summary = Object.entries(results).map(([kind, result]) => `${kind} ${result}`);
    log.ok(summary.join(", "));
  } catch (err) {
    throw new BringUpError(`Base images could not be made: ${(err as Error).message}`, `Check that ${config.baseImages.mirror} is reachable (or point BERTH_DEBIAN_MIRROR at a local mirror), then run \`npm run platform -- images\`.`);
  }
}

/** The `images` command: on demand, with `--rebuild` to build present images again. */
export async function rebuildBaseImages(config: BerthConfig, log: StepLog, options: { rebuild: boolean; kinds: string[] }): Promise<void> {
  const unknown = options.kinds.filter((k) => !isBaseImageKind(k));
  if (unknown.length) {
    throw new BringUpError(`Unknown base image kind: ${unknown.join(", ")}.`, `Name any of: ${BASE_IMAGE_KINDS.join(", ")}.`);
  }
  log.step(options.rebuild ? "Rebuilding base images" : "Making sure the base images exist");
  await ensureBaseImageSet(connectDocker(config.docker.socketPath), config, log, {
    rebuild: options.rebuild,
    kinds: options.kinds.length ? (options.kinds as BaseImageKind[]) : undefined,
  });
}
