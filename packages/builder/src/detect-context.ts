import type { ImageRecipe, VersionChoice } from "./build-plan";
import type { BuildSettings } from "./build-settings";
import type { Procfile } from "./procfile";
import type { SourceTree } from "./source-tree";

/** What every provider's detection sees: the (build directory's) tree, its Procfile and the overrides. */
export interface DetectContext {
  tree: SourceTree;
  procfile: Procfile;
  settings: BuildSettings;
  /** Providers append what the user should know (an unmet version, a guessed start command). */
  warnings: string[];
}

/** The commands a provider settles on after overrides; the recipe is built from these. */
export interface ResolvedCommands {
  install: string | null;
  build: string | null;
  start: string | null;
}

/** A provider's proposal, before overrides and the Procfile are applied. */
export interface ProviderDraft {
  versions: VersionChoice[];
  packageManager?: { name: string; version: string | null; source: string };
  framework?: string;
  install: string | null;
  build: string | null;
  /** The inferred start command; null when the image's own command serves (static) or none is known. */
  start: string | null;
  /** True when the image runs something useful without a start command (a static server). */
  imageHasCommand?: boolean;
  /** The help shown when no start command can be found (and the Procfile has no web either). */
  noStartHelp?: string;
  recipe: (commands: ResolvedCommands) => ImageRecipe;
}

export interface ProviderFailure {
  failure: string;
}

export function isFailure(x: ProviderDraft | ProviderFailure): x is ProviderFailure {
  return "failure" in x;
}

/** The Procfile's web command, or the first command, for detection by command prefix. */
export function procfileCommands(procfile: Procfile): string[] {
  const web = procfile.web;
  return web ? [web, ...Object.values(procfile).filter((c) => c !== web)] : Object.values(procfile);
}

export function firstWord(command: string): string {
  return (command.trim().split(/\s+/)[0] ?? "").split("/").pop() ?? "";
}
