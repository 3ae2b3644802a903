import type { Detected, ImageRecipe } from "./build-plan";
import { APP_PORT } from "./detect-build-plan";

export { APP_PORT };

/** Configured base image names by kind (`config.baseImages` fits this shape). */
export interface BuilderImages {
  debian: string;
  node: string;
  python: string;
  go: string;
  static: string;
}

export interface GeneratedBuildFiles {
  dockerfile: string;
  dockerignore: string;
}

export interface GenerateOptions {
  /** The app's own .dockerignore, appended to the generated one. */
  userDockerignore?: string | null;
  /** Names of build secrets, declared as ARGs of the build stage only (values come as build args). */
  buildSecrets?: string[];
}

/**
 * A TCP connect to $PORT, so Swarm's start-first update keeps the old task until the new one
 * accepts connections. bash is in every Berth base image (Debian); its /dev/tcp needs no extra tool.
 * No `--start-interval`: the engine's API (1.41) predates it, so a short interval keeps startup fast.
 */
const HEALTHCHECK =
  'HEALTHCHECK --interval=3s --timeout=2s --start-period=60s --retries=3 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-' +
  APP_PORT +
  '}"]';

/**
 * Writes the Dockerfile (and .dockerignore) for a detected plan; null for a tree that brings its own
 * Dockerfile. No `# syntax=` line and no `RUN --mount`: the engine builds these with its built-in
 * classic builder, without pulling a frontend image, so caching comes from layer order alone:
 * tool setup, then the dependency manifests and install, then the source and the build.
 */
export function generateBuildFiles(detected: Detected, images: BuilderImages, opts: GenerateOptions = {}): GeneratedBuildFiles | null {
  if (!detected.recipe) return null;
  return { dockerfile: dockerfileFor(detected.recipe, images, opts.buildSecrets ?? []), dockerignore: dockerignore(detected.recipe.ignore, opts.userDockerignore ?? null) };
}

function envLine(env: Record<string, string>): string[] {
  const entries = Object.entries(env);
  return entries.length ? [`ENV ${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ")}`] : [];
}

/** `exec` lets a lone command receive SIGTERM itself; a compound command keeps its shell. */
function shellCommand(command: string): string {
  return /[;&|<>()`]|\n/.test(command) ? command : `exec ${command}`;
}

function dockerfileFor(r: ImageRecipe, images: BuilderImages, secrets: string[]): string {
  // Secrets are build args of the build stage only; a copy-only final stage then carries neither
  // their values nor the `RUN |n NAME=value` history entries the classic builder writes.
  const twoStages = r.runtime !== null || secrets.length > 0;
  const lines: string[] = [`FROM ${images[r.base]}${twoStages ? " AS build" : ""}`, `WORKDIR ${r.workdir}`, ...envLine(r.env)];
  if (r.setup.length) lines.push(`RUN ${r.setup.join(" && ")}`);
  if (secrets.length) lines.push(`ARG ${secrets.join(" ")}`);
  if (r.install && r.manifests.length) lines.push(`COPY ${r.manifests.join(" ")} ./`, `RUN ${r.install}`);
  lines.push(`COPY ${r.sourceFrom} ${r.sourceTarget}`);
  if (r.install && !r.manifests.length) lines.push(`RUN ${r.install}`);
  if (r.build) lines.push(`RUN ${r.build}`);

  if (twoStages) {
    const runtime = r.runtime ?? { base: r.base, copy: [{ from: r.workdir, to: r.workdir }], env: r.env, workdir: r.workdir };
    lines.push("", `FROM ${images[runtime.base]}`, `WORKDIR ${runtime.workdir}`, ...envLine(runtime.env));
    for (const c of runtime.copy) lines.push(`COPY --from=build ${c.from} ${c.to}`);
  }
  lines.push(`ENV PORT=${APP_PORT}`, `EXPOSE ${APP_PORT}`);
  if (r.healthcheck) lines.push(HEALTHCHECK);
  if (r.start) lines.push(`CMD ["/bin/sh", "-c", ${JSON.stringify(shellCommand(r.start))}]`);
  return `${lines.join("\n")}\n`;
}

/** The generated build files never belong in the image; the user's own ignores still apply. */
function dockerignore(extra: string[], user: string | null): string {
  const lines = [".git", "Dockerfile", ".dockerignore", ...extra];
  if (user?.trim()) lines.push("# from the app's own .dockerignore", user.trim());
  return `${lines.join("\n")}\n`;
}
