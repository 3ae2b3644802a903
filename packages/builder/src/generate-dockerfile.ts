import type { BuildPlan } from "./build-plan";

export interface BuilderImages {
  node: string;
  static: string;
}

export interface GeneratedBuildFiles {
  dockerfile: string;
  dockerignore: string;
}

/** Every app listens on $PORT; the platform always sets it, these lines only document it. */
export const APP_PORT = 5000;

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
 * Dockerfile. No `# syntax=` line and no `RUN --mount`: the engine must build these with its built-in
 * classic builder, without pulling a frontend image, so caching comes from layer order alone.
 */
export function generateBuildFiles(plan: BuildPlan, images: BuilderImages, userDockerignore: string | null = null): GeneratedBuildFiles | null {
  switch (plan.builder) {
    case "dockerfile":
      return null;
    case "node":
      return { dockerfile: nodeDockerfile(plan, images.node), dockerignore: dockerignore(plan.installDependencies ? ["node_modules"] : [], userDockerignore) };
    case "static":
      // Dotfiles (.env, .git) must never become public files.
      return { dockerfile: staticDockerfile(images.static), dockerignore: dockerignore(["**/.*"], userDockerignore) };
  }
}

function nodeDockerfile(plan: Extract<BuildPlan, { builder: "node" }>, image: string): string {
  const lines = [`FROM ${image}`, "WORKDIR /app", `ENV NODE_ENV=production PORT=${APP_PORT}`];
  if (plan.installDependencies) {
    // Manifests first: a push that changes only source files reuses the installed dependencies.
    lines.push(`COPY ${plan.manifests.join(" ")} ./`, "RUN npm install --omit=dev --no-audit --no-fund");
  }
  lines.push("COPY . .", `EXPOSE ${APP_PORT}`, HEALTHCHECK);
  lines.push(plan.start === "npm-start" ? 'CMD ["npm", "start"]' : 'CMD ["node", "server.js"]');
  return `${lines.join("\n")}\n`;
}

function staticDockerfile(image: string): string {
  // The static base image runs Caddy serving /srv on $PORT.
  return [`FROM ${image}`, "COPY . /srv/", `ENV PORT=${APP_PORT}`, `EXPOSE ${APP_PORT}`, HEALTHCHECK, ""].join("\n");
}

/** The generated build files never belong in the image; the user's own ignores still apply. */
function dockerignore(extra: string[], user: string | null): string {
  const lines = [".git", "Dockerfile", ".dockerignore", ...extra];
  if (user?.trim()) lines.push("# from the app's own .dockerignore", user.trim());
  return `${lines.join("\n")}\n`;
}
