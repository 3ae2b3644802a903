import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Berth checkout, found by walking up from `start` to the package.json named "berth". The
 * console runs from apps/web inside a bundle, where import.meta.url does not point at the sources,
 * so the working directory is the reliable starting point.
 */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "berth") return dir;
      } catch {
        // an unreadable package.json is not the root; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No Berth checkout (package.json named "berth") above ${start}`);
    dir = parent;
  }
}

/** Absolute path of tsx's loader (its "." export), for `node --import` in processes started outside the repo. */
export function tsxLoaderPath(repoRoot: string): string {
  const pkgDir = path.join(repoRoot, "node_modules", "tsx");
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { exports?: Record<string, unknown> };
  const entry = pkg.exports?.["."];
  if (typeof entry !== "string") throw new Error(`tsx in ${pkgDir} has no plain "." export`);
  return path.join(pkgDir, entry);
}
