import { createHash } from "node:crypto";
import type Docker from "dockerode";
import { buildImage, imageExists } from "@berth/docker/images";
import { caddyConfig } from "./caddy-config";
import { EMPTY_ROUTE_TABLE } from "./route-table";

/** Marks the router image with a digest of its recipe, so a changed recipe triggers a rebuild. */
export const RECIPE_LABEL = "org.berth.router-recipe";
/** Caddy's config and data dirs (autosave.json, later certificates) live on a volume mounted here. */
export const ROUTER_DATA_DIR = "/data";

export interface RouterRecipe {
  dockerfile: string;
  files: Record<string, string>;
  digest: string;
}

/**
 * The router image: Debian's Caddy on Berth's own Debian base (no registry needed).
 *
 * Restart behaviour: `caddy run --resume` loads `$XDG_CONFIG_HOME/caddy/autosave.json` — the config
 * Caddy saved the last time one was loaded through the admin API — and falls back to the baked-in
 * initial config (an empty route table) only when no autosave exists yet. XDG_CONFIG_HOME points into
 * the /data volume, so the last loaded routes survive a container restart and a recreation alike.
 * The initial config comes from the same `caddyConfig()` as every later load, so the admin listener
 * is identical and loading the first real config does not restart the admin endpoint mid-request.
 */
export function routerRecipe(debianImage: string): RouterRecipe {
  const initialConfig = `${JSON.stringify(caddyConfig(EMPTY_ROUTE_TABLE), null, 2)}\n`;
  const dockerfile = [
    `FROM ${debianImage}`,
    `ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 XDG_CONFIG_HOME=${ROUTER_DATA_DIR}/config XDG_DATA_HOME=${ROUTER_DATA_DIR}/data`,
    "RUN apt-get update && apt-get install -y --no-install-recommends caddy ca-certificates && apt-get clean && rm -rf /var/lib/apt/lists/*",
    "COPY caddy.json /etc/berth/caddy.json",
    `RUN mkdir -p ${ROUTER_DATA_DIR}/config ${ROUTER_DATA_DIR}/data`,
    `VOLUME ${ROUTER_DATA_DIR}`,
    "EXPOSE 80",
    'CMD ["caddy", "run", "--resume", "--config", "/etc/berth/caddy.json"]',
    "",
  ].join("\n");
  const files = { "caddy.json": initialConfig };
  const digest = createHash("sha256").update(dockerfile).update(initialConfig).digest("hex").slice(0, 24);
  return { dockerfile, files, digest };
}

/** Builds the router image unless an image of the same recipe exists; returns what it did. */
export async function ensureRouterImage(opts: {
  docker: Docker;
  image: string;
  debianImage: string;
  log: (line: string) => void;
}): Promise<"present" | "built"> {
  const recipe = routerRecipe(opts.debianImage);
  if (await imageExists(opts.docker, opts.image)) {
    const labels = (await opts.docker.getImage(opts.image).inspect()).Config.Labels ?? {};
    if (labels[RECIPE_LABEL] === recipe.digest) return "present";
    opts.log(`router image ${opts.image} was built from another recipe; rebuilding`);
  }
  if (!(await imageExists(opts.docker, opts.debianImage))) {
    throw new Error(`The router image is built FROM ${opts.debianImage}, which is missing: build the base images first.`);
  }
  opts.log(`building router image ${opts.image} FROM ${opts.debianImage}`);
  await buildImage(opts.docker, {
    tag: opts.image,
    dockerfile: recipe.dockerfile,
    files: recipe.files,
    labels: { "org.berth.managed": "true", "org.berth.role": "router", [RECIPE_LABEL]: recipe.digest },
    onOutput: (line) => opts.log(`[router image] ${line}`),
  });
  return "built";
}
