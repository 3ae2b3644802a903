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
