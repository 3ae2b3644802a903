/** The base images every Berth install provides; builds of apps start FROM one of them. */
export const BASE_IMAGE_KINDS = ["debian", "node", "python", "go", "static"] as const;
export type BaseImageKind = (typeof BASE_IMAGE_KINDS)[number];

/** The image names configured per kind (`config.baseImages` fits this shape). */
export type BaseImageNames = Record<BaseImageKind, string>;

/** The setting that names each kind's image, quoted in messages that tell the operator what to change. */
export const IMAGE_ENV_VAR: Record<BaseImageKind, string> = {
  debian: "BERTH_IMAGE_DEBIAN",
  node: "BERTH_IMAGE_NODE",
  python: "BERTH_IMAGE_PYTHON",
  go: "BERTH_IMAGE_GO",
  static: "BERTH_IMAGE_STATIC",
};

export function isBaseImageKind(value: string): value is BaseImageKind {
  return (BASE_IMAGE_KINDS as readonly string[]).includes(value);
}

/**
 * Berth builds only images in its own `berth/` namespace. Any other name (say `node:20-bookworm` on a
 * connected install) is someone else's image, which Berth pulls but never builds under that name.
 */
export function isBerthBuildable(image: string): boolean {
  return image.startsWith("berth/");
}

export function managedLabels(kind: BaseImageKind): Record<string, string> {
  return { "org.berth.managed": "true", "org.berth.base-image": kind };
}
