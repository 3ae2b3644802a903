import os from "node:os";
import path from "node:path";
import { loadConfig } from "@berth/config/config";
import { connectDocker } from "@berth/docker/engine";
import { ensureBaseImages } from "./ensure-base-images";
import { BASE_IMAGE_KINDS, type BaseImageKind, isBaseImageKind } from "./kinds";

/** `tsx packages/base-images/src/cli.ts [--rebuild] [kind...]`: builds missing (or, with --rebuild, all) base images. */
async function main(argv: string[]): Promise<number> {
  const rebuild = argv.includes("--rebuild");
  const kinds: BaseImageKind[] = [];
  for (const arg of argv) {
    if (arg === "--rebuild") continue;
    if (arg === "--help" || arg === "-h") {
      console.log(`usage: base-images [--rebuild] [${BASE_IMAGE_KINDS.join("|")} ...]`);
      return 0;
    }
    if (!isBaseImageKind(arg)) {
      console.error(`unknown base image kind "${arg}"; known: ${BASE_IMAGE_KINDS.join(", ")}`);
      return 2;
    }
    kinds.push(arg);
  }
  const config = loadConfig();
  const started = Date.now();
  const results = await ensureBaseImages({
    docker: connectDocker(config.docker.socketPath),
    images: config.baseImages,
    workDir: path.join(config.dataDir ?? os.tmpdir(), "base-images"),
    rebuild,
    kinds,
    log: (line) => console.log(line),
  });
  for (const [kind, result] of Object.entries(results)) console.log(`${kind.padEnd(7)} ${result}`);
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
