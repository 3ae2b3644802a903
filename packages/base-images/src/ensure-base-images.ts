import { mkdir } from "node:fs/promises";
import type Docker from "dockerode";
import { buildImage, imageId, removeImageIfUnused, tryPullImage } from "@berth/docker/images";
import { buildDebianBase } from "./debian-rootfs";
import { type BaseImageKind, type BaseImageNames, IMAGE_ENV_VAR, isBerthBuildable, managedLabels } from "./kinds";
import { planBaseImages } from "./plan";
import { recipeFor, type DerivedKind, type Recipe } from "./recipes";
import { readTrustedCas } from "./trusted-cas";

/** The digest of the recipe an image was built from; a different current recipe makes it stale. */
export const RECIPE_LABEL = "org.berth.base-recipe";

export type BaseImageResult = "present" | "built" | "pulled";

export interface EnsureBaseImagesOptions {
  docker: Docker;
  /** `config.baseImages`: the image name per kind, plus the Debian mirror and suite to bootstrap from. */
  images: BaseImageNames & { mirror: string; suite: string; trustedCaDir?: string };
  /** Scratch space for the debootstrap root filesystem (removed afterwards). */
  workDir: string;
  rebuild?: boolean;
  /** Only these kinds (plus the Debian base when they need it); all when absent. */
  kinds?: BaseImageKind[];
  log: (line: string) => void;
  /** How long a pull of a non-Berth image may take before it counts as unreachable. */
  pullTimeoutMs?: number;
}

/**
 * Makes every configured base image present on this engine. Safe to run on every bring-up: present
 * images are skipped, so the slow path (debootstrap plus apt) runs only on first install or `--rebuild`.
 */
export async function ensureBaseImages(opts: EnsureBaseImagesOptions): Promise<Partial<Record<BaseImageKind, BaseImageResult>>> {
  const names: BaseImageNames = {
    debian: opts.images.debian,
    node: opts.images.node,
    python: opts.images.python,
    go: opts.images.go,
    static: opts.images.static,
  };
  const trustedCas = opts.images.trustedCaDir ? readTrustedCas(opts.images.trustedCaDir) : {};
  const recipes = new Map<DerivedKind, Recipe>();
  for (const kind of ["node", "python", "go", "static"] as const) recipes.set(kind, recipeFor(kind, names.debian, trustedCas));

  const previousIds = new Map<string, string>();
  const present = new Set<string>();
  for (const image of new Set(Object.values(names))) {
    const id = await imageId(opts.docker, image);
    if (id) {
      present.add(image);
      previousIds.set(image, id);
    }
  }
  // A Berth-built image made from another recipe (new packages, new trusted CAs) is built again.
  for (const [kind, recipe] of recipes) {
    const image = names[kind];
    if (!present.has(image) || !isBerthBuildable(image)) continue;
    const labels = (await opts.docker.getImage(image).inspect()).Config.Labels ?? {};
    if (labels[RECIPE_LABEL] !== recipe.digest) {
      present.delete(image);
      opts.log(`[${kind}] ${image} was built from another recipe; building it again`);
    }
  }

  const plan = planBaseImages({ images: names, present, rebuild: opts.rebuild, kinds: opts.kinds });
  const results: Partial<Record<BaseImageKind, BaseImageResult>> = {};
  await mkdir(opts.workDir, { recursive: true });

  for (const step of plan) {
    const started = Date.now();
    if (step.action === "skip") {
      opts.log(`[${step.kind}] ${step.image} present`);
      results[step.kind] = "present";
      continue;
    }
    if (step.action === "pull") {
      opts.log(`[${step.kind}] pulling ${step.image}`);
      const pulled = await tryPullImage(opts.docker, step.image, { timeoutMs: opts.pullTimeoutMs ?? 10 * 60_000 });
      if (!pulled) {
        throw new Error(
          `Base image ${step.image} (${step.kind}) is not on this engine and could not be pulled. ` +
            `Load it with \`docker load\`, or set ${IMAGE_ENV_VAR[step.kind]} to a berth/… name so Berth builds it from the Debian mirror.`,
        );
      }
      results[step.kind] = "pulled";
    } else if (step.kind === "debian") {
      opts.log(`[debian] building ${step.image} from ${opts.images.mirror} (${opts.images.suite})`);
      await buildDebianBase({
        docker: opts.docker,
        image: step.image,
        mirror: opts.images.mirror,
        suite: opts.images.suite,
        workDir: opts.workDir,
        log: (line) => opts.log(`[debian] ${line}`),
      });
      results.debian = "built";
    } else {
      const recipe = recipes.get(step.kind)!;
      opts.log(`[${step.kind}] building ${step.image} FROM ${names.debian}${Object.keys(trustedCas).length ? ` (trusting ${Object.keys(trustedCas).length} extra CA certificate(s) of this host)` : ""}`);
      await buildImage(opts.docker, {
        tag: step.image,
        dockerfile: recipe.dockerfile,
        files: recipe.files,
        labels: { ...managedLabels(step.kind), [RECIPE_LABEL]: recipe.digest },
        // A rebuild exists to pick up the mirror's current packages (security fixes), so the
        // layer cache, which would hand back the old layers, is not used for it.
        noCache: opts.rebuild ?? false,
        onOutput: (line) => opts.log(`[${step.kind}] ${line}`),
      });
      results[step.kind] = "built";
    }
    opts.log(`[${step.kind}] ${results[step.kind]} ${step.image} in ${Math.round((Date.now() - started) / 1000)} s`);
  }

  await removeReplaced(opts, previousIds);
  return results;
}

/** A rebuild leaves the old images untagged; remove those nothing else uses so disks do not fill up. */
async function removeReplaced(opts: EnsureBaseImagesOptions, previousIds: Map<string, string>): Promise<void> {
  for (const [image, oldId] of previousIds) {
    const currentId = await imageId(opts.docker, image);
    if (currentId === oldId) continue;
    if (await removeImageIfUnused(opts.docker, oldId)) opts.log(`removed the previous ${image} (${oldId.slice(7, 19)})`);
  }
}
