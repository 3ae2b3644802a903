/**
 * What detection needs to know about a pushed tree: the paths of its files (relative, `/`-separated,
 * no leading `./`) and the text of the few files whose content matters. Produced from the source
 * archive by `readSourceTree`, or written by hand in tests.
 */
export interface SourceTree {
  paths: string[];
  /** Content of `package.json` at the root, when present. */
  packageJson: string | null;
  /** Content of the user's own `.dockerignore` at the root, when present. */
  dockerignore: string | null;
}

/** Normalises an archive member name: `./a/b` and `a/b` are the same file; directories end in `/`. */
export function normalizeArchivePath(name: string): string | null {
  let p = name.replace(/\\/g, "/");
  while (p.startsWith("./")) p = p.slice(2);
  p = p.replace(/\/+$/, "");
  if (!p || p === "." || p.startsWith("/") || p.split("/").includes("..")) return null;
  return p;
}

export function hasRootFile(tree: SourceTree, name: string): boolean {
  return tree.paths.includes(name);
}
