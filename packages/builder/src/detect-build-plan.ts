import type { DetectionResult } from "./build-plan";
import { hasRootFile, type SourceTree } from "./source-tree";

const LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json"];

interface PackageManifest {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
}

/**
 * Picks the builder from the files at the root of the tree; first match wins:
 * a Dockerfile is built as is, then Node (package.json with a start script, or server.js), then a
 * static site (index.html). A package.json always means Node, so a Node project that also ships an
 * index.html is never served as plain files.
 */
export function detectBuildPlan(tree: SourceTree): DetectionResult {
  if (hasRootFile(tree, "Dockerfile")) return { builder: "dockerfile" };

  const hasServerJs = hasRootFile(tree, "server.js");
  if (tree.packageJson !== null) {
    let manifest: PackageManifest;
    try {
      const parsed: unknown = JSON.parse(tree.packageJson);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      manifest = parsed as PackageManifest;
    } catch (err) {
      return {
        builder: null,
        message: `package.json is not valid JSON (${err instanceof Error ? err.message : String(err)}). Fix it and push again.`,
      };
    }
    const hasStart = typeof manifest.scripts?.start === "string" && manifest.scripts.start.trim() !== "";
    if (!hasStart && !hasServerJs) {
      return {
        builder: null,
        message:
          'package.json has no "start" script and there is no server.js, so Berth does not know how to start the app. ' +
          'Add a start script, e.g. "scripts": { "start": "node index.js" }, listening on $PORT.',
      };
    }
    const deps = manifest.dependencies && typeof manifest.dependencies === "object" ? Object.keys(manifest.dependencies) : [];
    return {
      builder: "node",
      start: hasStart ? "npm-start" : "server-js",
      installDependencies: deps.length > 0,
      manifests: ["package.json", ...LOCKFILES.filter((f) => hasRootFile(tree, f))],
    };
  }
  if (hasServerJs) return { builder: "node", start: "server-js", installDependencies: false, manifests: [] };
  if (hasRootFile(tree, "index.html")) return { builder: "static" };

  const root = tree.paths.filter((p) => !p.includes("/")).sort();
  const shown = root.length === 0 ? "(none)" : root.slice(0, 15).join(", ") + (root.length > 15 ? `, … (${root.length} in all)` : "");
  return {
    builder: null,
    message:
      "Berth could not tell how to build this app. At the root of the repository it looked for: " +
      "a Dockerfile (built as is), package.json with a \"start\" script or server.js (a Node app), " +
      "or index.html (a static site). Files at the root: " +
      `${shown}. Add one of them (the app must listen on $PORT) and push again.`,
  };
}
