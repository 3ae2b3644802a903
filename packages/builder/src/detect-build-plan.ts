import type { BuildPlan, DetectionFailure, DetectionResult } from "./build-plan";
import type { BuildSettings, Provider } from "./build-settings";
import { type DetectContext, isFailure, type ProviderDraft, type ProviderFailure } from "./detect-context";
import { exposedPorts } from "./detect-dockerfile";
import { matchGo, planGo } from "./detect-go";
import { matchNode, planNode } from "./detect-node";
import { planProcfileOnly } from "./detect-procfile-only";
import { matchPython, planPython } from "./detect-python";
import { matchStatic, planStatic } from "./detect-static";
import { parseProcfile, type Procfile } from "./procfile";
import { fileText, hasFile, normalizeDir, rootFiles, type SourceTree, subtree } from "./source-tree";

/** Every app listens on $PORT; the platform always sets it to this. */
export const APP_PORT = 5000;

const PLANNERS: Record<Exclude<Provider, "dockerfile">, (ctx: DetectContext) => ProviderDraft | ProviderFailure> = {
  go: planGo,
  python: planPython,
  node: planNode,
  static: planStatic,
  procfile: planProcfileOnly,
};

const LOOKED_FOR =
  "a Dockerfile (built as is); go.mod or *.go (Go); requirements.txt, pyproject.toml, Pipfile, manage.py, app.py or main.py (Python); " +
  "package.json or server.js/index.js (Node.js); index.html, public/index.html, dist/index.html or a Staticfile (a static site); " +
  "a Procfile (run on plain Debian)";

function fail(message: string): DetectionFailure {
  return { provider: null, message };
}

/** First match wins: Dockerfile, Go, Python, Node, static, Procfile-only. Returns the provider and why. */
function pickProvider(tree: SourceTree, procfile: Procfile, dockerfilePath: string): [Provider, string] | null {
  if (hasFile(tree, dockerfilePath)) return ["dockerfile", `${dockerfilePath} found`];
  const go = matchGo(tree);
  if (go) return ["go", go];
  const python = matchPython(tree, { procfile });
  if (python) return ["python", python];
  const node = matchNode(tree, { procfile });
  if (node) return ["node", node];
  const site = matchStatic(tree);
  if (site) return ["static", site];
  if (hasFile(tree, "Procfile")) return ["procfile", "Procfile found, no language files"];
  return null;
}

/**
 * Decides how a pushed tree becomes an image, honouring the app's build settings, and records every
 * decision in a BuildPlan. Pure: the same tree and settings always give the same plan.
 */
export function detectBuildPlan(fullTree: SourceTree, settings: BuildSettings = {}): DetectionResult {
  const overrides: string[] = [];
  const buildDir = normalizeDir(settings.buildDir);
  if (buildDir === null) return fail(`The build directory "${settings.buildDir}" must be a relative path inside the repository. Change it with berth buildpack:set.`);
  if (buildDir) overrides.push(`buildDir=${buildDir}`);
  const tree = subtree(fullTree, buildDir);
  if (buildDir && tree.paths.length === 0) {
    const dirs = [...new Set(fullTree.paths.filter((p) => p.includes("/")).map((p) => p.split("/")[0]))].sort().slice(0, 15);
    return fail(`The build directory "${buildDir}" holds no files. Directories at the root: ${dirs.join(", ") || "(none)"}. Change it with berth buildpack:set <app> buildDir=<dir>.`);
  }

  let procfile: Procfile = {};
  const procfileText = fileText(tree, "Procfile");
  if (procfileText !== null) {
    const parsed = parseProcfile(procfileText);
    if (!parsed.ok) return fail(`${parsed.message.replace(/\.$/, "")}. Fix the Procfile and push again.`);
    procfile = parsed.procfile;
  }

  const dockerfilePath = normalizeDir(settings.dockerfilePath) || "Dockerfile";
  if (settings.dockerfilePath) overrides.push(`dockerfilePath=${dockerfilePath}`);
  let provider: Provider;
  let reason: string;
  if (settings.builder) {
    provider = settings.builder;
    reason = `builder setting (${provider})`;
    overrides.push(`builder=${provider}`);
  } else {
    const picked = pickProvider(tree, procfile, dockerfilePath);
    if (!picked) {
      const root = rootFiles(tree);
      const shown = root.length === 0 ? "(none)" : root.slice(0, 20).join(", ") + (root.length > 20 ? `, … (${root.length} in all)` : "");
      return fail(
        `Berth could not tell how to build this app. At the root of ${buildDir ? `the build directory "${buildDir}"` : "the repository"} it looked for: ${LOOKED_FOR}. ` +
          `Files there: ${shown}. Add one of them (the app must listen on $PORT), or pick a builder with berth buildpack:set <app> builder=<${["dockerfile", ...Object.keys(PLANNERS)].join("|")}>, and push again.`,
      );
    }
    [provider, reason] = picked;
  }
  if (settings.installCommand) overrides.push("installCommand");
  if (settings.buildCommand) overrides.push("buildCommand");
  if (settings.startCommand) overrides.push("startCommand");

  const warnings: string[] = [];
  const release = procfile.release ?? null;
  const types: Record<string, string> = Object.fromEntries(Object.entries(procfile).filter(([name]) => name !== "release"));

  if (provider === "dockerfile") {
    const text = fileText(tree, dockerfilePath);
    if (!hasFile(tree, dockerfilePath)) return fail(`The builder is "dockerfile" but there is no ${dockerfilePath}${buildDir ? ` in ${buildDir}` : ""}. Add it or change the setting with berth buildpack:set.`);
    const ports = text ? exposedPorts(text) : [];
    if (ports.length && ports[0] !== APP_PORT) {
      warnings.push(`The Dockerfile EXPOSEs ${ports.join(", ")}, but Berth sends traffic to $PORT (${APP_PORT}): the app must listen on $PORT.`);
    }
    if (settings.installCommand || settings.buildCommand) warnings.push("installCommand and buildCommand are ignored for Dockerfile builds: the Dockerfile says how to build.");
    if (settings.startCommand) types.web = settings.startCommand;
    const plan = finishPlan({ provider, reason, buildDir, dockerfilePath, overrides, warnings, release, types, versions: [], commands: { install: null, build: null, start: settings.startCommand ?? null }, imageHasCommand: true });
    return { provider, plan, recipe: null };
  }

  const ctx: DetectContext = { tree, procfile, settings, warnings };
  const draft = PLANNERS[provider](ctx);
  if (isFailure(draft)) return fail(draft.failure);
  const commands = {
    install: settings.installCommand ?? draft.install,
    build: settings.buildCommand ?? draft.build,
    start: settings.startCommand ?? procfile.web ?? draft.start,
  };
  if (settings.startCommand && procfile.web) warnings.push("The startCommand setting replaces the Procfile's web command.");
  if (!commands.start && !draft.imageHasCommand && Object.keys(types).length === 0) {
    return fail(draft.noStartHelp || `Berth found nothing to run: add a Procfile with a "web:" line (listening on $PORT) and push again.`);
  }
  if (Object.keys(types).length > 0 && commands.start) types.web = commands.start;
  const plan = finishPlan({
    provider,
    reason,
    buildDir,
    overrides,
    warnings,
    release,
    types,
    versions: draft.versions,
    commands,
    imageHasCommand: draft.imageHasCommand ?? false,
    ...(draft.packageManager ? { packageManager: draft.packageManager } : {}),
    ...(draft.framework ? { framework: draft.framework } : {}),
  });
  const recipe = draft.recipe(commands);
  // One health check for the whole image would also judge worker processes by $PORT; with several
  // process types the image carries none and each process is checked by how it runs.
  if (Object.keys(plan.processTypes).some((t) => t !== "web") || !plan.processTypes.web && Object.keys(plan.processTypes).length > 0) recipe.healthcheck = false;
  return { provider, plan, recipe };
}

interface PlanParts extends Omit<BuildPlan, "port" | "processTypes"> {
  types: Record<string, string>;
  imageHasCommand: boolean;
}

function finishPlan(parts: PlanParts): BuildPlan {
  const { types, imageHasCommand, ...rest } = parts;
  if (Object.keys(types).length > 0 && !types.web) {
    rest.warnings.push(
      imageHasCommand
        ? 'The Procfile has no "web" process, so no process gets web traffic; add "web: <command>" to serve the app.'
        : 'The Procfile has no "web" process: the app gets no web traffic (fine for a worker-only app).',
    );
  }
  return {
    provider: rest.provider,
    reason: rest.reason,
    buildDir: rest.buildDir,
    ...(rest.dockerfilePath ? { dockerfilePath: rest.dockerfilePath } : {}),
    versions: rest.versions,
    ...(rest.packageManager ? { packageManager: rest.packageManager } : {}),
    ...(rest.framework ? { framework: rest.framework } : {}),
    commands: rest.commands,
    port: APP_PORT,
    processTypes: types,
    release: rest.release,
    overrides: rest.overrides,
    warnings: rest.warnings,
  };
}
