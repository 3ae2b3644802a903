import { BASE_IMAGE_KINDS, type BaseImageKind, type BaseImageNames, isBerthBuildable } from "./kinds";

export type PlanAction = "skip" | "build" | "pull";

export interface PlanStep {
  kind: BaseImageKind;
  image: string;
  action: PlanAction;
  /** True when the step was not asked for but a requested build needs it (the Debian base). */
  dependency?: boolean;
}

export interface PlanInput {
  images: BaseImageNames;
  /** Names of the images the engine already has. */
  present: ReadonlySet<string>;
  rebuild?: boolean;
  /** Kinds to consider; all when empty or absent. */
  kinds?: readonly BaseImageKind[];
}

/**
 * Decides, without touching Docker, what to do for each base image. Debian comes first because every
 * other Berth-built image starts FROM it; when a requested build needs a Debian base the engine does
 * not have, that base is added to the plan even if it was not asked for.
 */
export function planBaseImages(input: PlanInput): PlanStep[] {
  const wanted = new Set<BaseImageKind>(input.kinds?.length ? input.kinds : BASE_IMAGE_KINDS);
  const steps: PlanStep[] = [];
  for (const kind of BASE_IMAGE_KINDS) {
    if (!wanted.has(kind)) continue;
    const image = input.images[kind];
    const present = input.present.has(image);
    // A rebuild of someone else's image means pulling it again, which refreshes it.
    const action: PlanAction = present && !input.rebuild ? "skip" : isBerthBuildable(image) ? "build" : "pull";
    steps.push({ kind, image, action });
  }

  const needsDebian = steps.some((s) => s.kind !== "debian" && s.action === "build");
  const debianImage = input.images.debian;
  if (needsDebian && !wanted.has("debian") && !input.present.has(debianImage)) {
    steps.unshift({ kind: "debian", image: debianImage, action: isBerthBuildable(debianImage) ? "build" : "pull", dependency: true });
  }
  return steps;
}
