/** The builders detection can pick, and a user can force. */
export const PROVIDERS = ["dockerfile", "go", "python", "node", "static", "procfile"] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * Per-app overrides of detection (stored as App.buildSettings). Every field is optional; an unset
 * field means "detect". Commands run with /bin/sh inside the build (install, build) or the container
 * (start), so `$PORT` and `&&` work as a user expects.
 */
export interface BuildSettings {
  /** Skip detection and use this builder. */
  builder?: Provider;
  /** Build from this directory of the repository (a monorepo's app); it becomes the build context. */
  buildDir?: string;
  /** The Dockerfile to build, relative to the build directory (default `Dockerfile`). */
  dockerfilePath?: string;
  installCommand?: string;
  buildCommand?: string;
  startCommand?: string;
  /**
   * Config var names handed to the install and build steps. Only these, not all config: a build
   * runs the app's dependencies' install scripts, so every secret it sees is exposed to them.
   */
  buildSecrets?: string[];
}

export const BUILD_SETTING_KEYS = ["builder", "buildDir", "dockerfilePath", "installCommand", "buildCommand", "startCommand", "buildSecrets"] as const;
