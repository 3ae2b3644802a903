import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CONTENT_LIMIT_BYTES, type SourceTree, wantsContent } from "./source-tree";

/** A SourceTree from a directory on disk (fixture repositories in tests); `.git` is skipped. */
export function readSourceDir(dir: string): SourceTree {
  const paths: string[] = [];
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const p = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(p);
      else {
        paths.push(p);
        const full = path.join(dir, p);
        if (wantsContent(p) && statSync(full).size <= CONTENT_LIMIT_BYTES) files[p] = readFileSync(full, "utf8");
      }
    }
  };
  walk("");
  return { paths: paths.sort(), files };
}
