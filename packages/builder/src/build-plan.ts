import type { Provider } from "./build-settings";

/** A language runtime version: what the app asked for, where that came from, and what it gets. */
export interface VersionChoice {
  name: "node" | "python" | "go";
  requested: string | null;
  /** e.g. `package.json engines.node`, `.nvmrc`, `go.mod`, `default`. */
  source: string;
  /** The version the base image carries. */
  used: string;
}

/**
 * The decision detection makes, recorded for every build (Deployment.buildPlan), printed at the top
 * of the build output and shown in the console. Plain JSON.
 */
export interface BuildPlan {
  provider: Provider;
  /** Why this provider: the file or setting that decided it. */
  reason: string;
  /** The build directory, relative to the repository root ("" = the root). */
  buildDir: string;
  /** For the Dockerfile provider: the Dockerfile built. */
  dockerfilePath?: string;
  versions: VersionChoice[];
  packageManager?: { name: string; version: string | null; source: string };
  framework?: string;
  commands: { install: string | null; build: string | null; start: string | null };
  /** The port the app is expected to listen on: Berth always sets $PORT to it. */
  port: number;
  /**
   * Process types (name → shell command). `{}` = one `web` process running the image's command.
   * Otherwise each entry runs as its own process; `web` is the one that gets traffic.
   */
  processTypes: Record<string, string>;
  /** Procfile `release:`: runs once per deploy, after the build, before traffic moves. */
  release: string | null;
  /** Settings that changed what detection would have done. */
  overrides: string[];
  warnings: string[];
}

/** How the generated Dockerfile is layered; derived by detection, consumed by generateBuildFiles. */
export interface ImageRecipe {
  /** The configured base image kind the build stage starts from. */
  base: "node" | "python" | "go" | "static" | "debian";
  workdir: string;
  env: Record<string, string>;
  /** Tool setup before anything of the app is copied (e.g. installing pnpm): cached across every push. */
  setup: string[];
  /**
   * Files copied before the install step, so a push that changes only source files reuses the
   * installed dependencies. Empty: the whole tree is copied first (install hooks need the source).
   */
  manifests: string[];
  install: string | null;
  build: string | null;
  /** What of the build context is copied (a static site's root), and where it goes in the build stage. */
  sourceFrom: string;
  sourceTarget: string;
  /** A copy-only final stage; null = the build stage is the image. */
  runtime: { base: "python" | "debian" | "static" | "node"; copy: Array<{ from: string; to: string }>; env: Record<string, string>; workdir: string } | null;
  /** The image command (run with /bin/sh -c); null keeps the base image's own (static sites). */
  start: string | null;
  /** Patterns the generated .dockerignore adds. */
  ignore: string[];
  /** TCP health check on $PORT; off for images with no web process. */
  healthcheck: boolean;
}

export interface DetectionFailure {
  provider: null;
  /** Shown to the pusher as is: says what was looked for and how to fix it. */
  message: string;
}

export interface Detected {
  provider: Provider;
  plan: BuildPlan;
  /** Null for the Dockerfile provider: the app's own Dockerfile is built as is. */
  recipe: ImageRecipe | null;
}

export type DetectionResult = Detected | DetectionFailure;
