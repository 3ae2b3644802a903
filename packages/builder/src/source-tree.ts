/**
 * What detection needs to know about a pushed tree: the paths of its files (relative, `/`-separated,
 * no leading `./`) and the text of the few small files whose content matters (manifests, version
 * files, Procfile, framework entry points). Produced from the source archive by `readSourceTree`,
 * from a directory by `readSourceDir` (tests), or written by hand.
 */
export interface SourceTree {
  paths: string[];
  /** Path → text, only for files detection reads (see CONTENT_FILES). */
  files: Record<string, string>;
}

/** File names (at any depth up to CONTENT_DEPTH) whose text detection reads. */
export const CONTENT_FILES = new Set([
  "package.json",
  ".nvmrc",
  ".node-version",
  ".tool-versions",
  "Procfile",
  "requirements.txt",
  "pyproject.toml",
  "Pipfile",
  "runtime.txt",
  ".python-version",
  "go.mod",
  ".godir",
  "Staticfile",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "settings.py",
  "main.py",
  "app.py",
  "server.py",
  "wsgi.py",
  "asgi.py",
  ".dockerignore",
  "Dockerfile",
]);
/** Deep enough for `<build dir>/<django project>/settings.py`, shallow enough to skip vendored trees. */
export const CONTENT_DEPTH = 4;
/** Anything bigger is not a manifest a person wrote. */
export const CONTENT_LIMIT_BYTES = 256 * 1024;

export function wantsContent(path: string, extra: ReadonlySet<string> = new Set()): boolean {
  if (extra.has(path)) return true;
  const parts = path.split("/");
  return parts.length <= CONTENT_DEPTH && CONTENT_FILES.has(parts[parts.length - 1] ?? "");
}

/** Normalises an archive member name: `./a/b` and `a/b` are the same file; directories end in `/`. */
export function normalizeArchivePath(name: string): string | null {
  let p = name.replace(/\\/g, "/");
  while (p.startsWith("./")) p = p.slice(2);
  p = p.replace(/\/+$/, "");
  if (!p || p === "." || p.startsWith("/") || p.split("/").includes("..")) return null;
  return p;
}

/** A relative directory as typed by a user (`./api/`, `api`) → `api`; `.` or empty → "". Null when it escapes the tree. */
export function normalizeDir(dir: string | undefined): string | null {
  if (dir === undefined) return "";
  const trimmed = dir.trim();
  if (trimmed === "" || trimmed === "." || trimmed === "./") return "";
  return normalizeArchivePath(trimmed);
}

export function hasFile(tree: SourceTree, path: string): boolean {
  return tree.paths.includes(path);
}

export function fileText(tree: SourceTree, path: string): string | null {
  return tree.files[path] ?? null;
}

/** Files directly at the root, sorted. */
export function rootFiles(tree: SourceTree): string[] {
  return tree.paths.filter((p) => !p.includes("/")).sort();
}

/** The part of the tree under `dir`, re-rooted there (the build directory override). */
export function subtree(tree: SourceTree, dir: string): SourceTree {
  if (!dir) return tree;
  const prefix = `${dir}/`;
  const paths = tree.paths.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
  const files: Record<string, string> = {};
  for (const [p, text] of Object.entries(tree.files)) if (p.startsWith(prefix)) files[p.slice(prefix.length)] = text;
  return { paths, files };
}
