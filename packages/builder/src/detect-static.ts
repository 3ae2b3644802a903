import type { DetectContext, ProviderDraft, ProviderFailure } from "./detect-context";
import { fileText, hasFile, type SourceTree } from "./source-tree";

const TRIGGERS = ["Staticfile", "index.html", "index.htm", "public/index.html", "dist/index.html", ".static"];

export function matchStatic(tree: SourceTree): string | null {
  const hit = TRIGGERS.find((f) => hasFile(tree, f));
  return hit ? `${hit} found` : null;
}

/** The served directory: Staticfile `root:` > public/ > dist/ > the root. */
function siteRoot(tree: SourceTree): { root: string; source: string } {
  const configured = /^root:\s*(\S+)/m.exec(fileText(tree, "Staticfile") ?? "")?.[1]?.replace(/^\.\//, "").replace(/\/$/, "");
  if (configured && configured !== ".") return { root: configured, source: "Staticfile root" };
  for (const dir of ["public", "dist"]) if (hasFile(tree, `${dir}/index.html`) && !hasFile(tree, "index.html")) return { root: dir, source: `${dir}/index.html` };
  return { root: "", source: "repository root" };
}

export function planStatic(ctx: DetectContext): ProviderDraft | ProviderFailure {
  const { root, source } = siteRoot(ctx.tree);
  return {
    versions: [],
    framework: `static files from ${root ? `${root}/` : "the root"} (${source})`,
    install: null,
    build: null,
    start: null,
    imageHasCommand: true,
    recipe: (c) => ({
      base: "static",
      workdir: "/srv",
      env: {},
      setup: [],
      manifests: [],
      install: c.install,
      build: c.build,
      sourceFrom: root ? `${root}/` : ".",
      sourceTarget: "/srv/",
      runtime: null,
      start: c.start,
      // Dotfiles (.env, .git) must never become public files.
      ignore: ["**/.*"],
      healthcheck: true,
    }),
  };
}
