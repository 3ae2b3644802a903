import type { VersionChoice } from "./build-plan";
import type { DetectContext, ProviderDraft, ProviderFailure } from "./detect-context";
import { AVAILABLE_VERSIONS, satisfies } from "./runtime-versions";
import { fileText, hasFile, type SourceTree } from "./source-tree";

export function matchGo(tree: SourceTree): string | null {
  if (hasFile(tree, "go.mod")) return "go.mod found";
  if (hasFile(tree, "go.work")) return "go.work found";
  const goFile = tree.paths.find((p) => !p.includes("/") && p.endsWith(".go"));
  return goFile ? `${goFile} found (no go.mod)` : null;
}

function goVersion(goMod: string | null, warnings: string[]): VersionChoice {
  const used = AVAILABLE_VERSIONS.go;
  const toolchain = /^toolchain\s+go(\S+)/m.exec(goMod ?? "")?.[1];
  const directive = /^go\s+(\S+)/m.exec(goMod ?? "")?.[1];
  const requested = directive ?? toolchain ?? null;
  if (!requested) return { name: "go", requested: null, source: "default", used };
  // The go directive is a minimum: a newer toolchain builds older modules.
  if (satisfies(`>=${requested}`, used) === false) {
    warnings.push(`go.mod asks for Go ${requested}; Berth's Go image has ${used}, which the build uses (it fails only if the code needs newer language features).`);
  }
  return { name: "go", requested, source: directive ? "go.mod go directive" : "go.mod toolchain", used };
}

/** go.mod `require` lines: without any, `go mod download` has nothing to fetch and is skipped. */
function hasRequirements(goMod: string): boolean {
  return /^require\s/m.test(goMod);
}

export function planGo(ctx: DetectContext): ProviderDraft | ProviderFailure {
  const { tree, warnings } = ctx;
  const goMod = fileText(tree, "go.mod");
  const version = goVersion(goMod, warnings);
  const modulePath = /^module\s+(\S+)/m.exec(goMod ?? "")?.[1];
  const godir = fileText(tree, ".godir")?.trim().split("/").pop();
  // The binary's name is what Heroku's Go buildpack would install into bin/, so Procfiles like
  // `web: bin/<name>` or `web: <name>` work unchanged.
  const binName = (godir || modulePath?.split("/").pop() || "app").replace(/[^A-Za-z0-9._-]/g, "-");
  const rootGo = tree.paths.some((p) => !p.includes("/") && p.endsWith(".go"));
  const cmdDir = tree.paths.filter((p) => /^cmd\/[^/]+\/[^/]+\.go$/.test(p)).map((p) => p.split("/").slice(0, 2).join("/")).sort()[0];
  const target = rootGo || !cmdDir ? "." : `./${cmdDir}`;
  const modules = goMod !== null;
  const install = modules && hasRequirements(goMod) ? "go mod download" : null;
  const build = `go build -ldflags="-s -w" -o /app/bin/${binName} ${target}`;
  return {
    versions: [version],
    packageManager: { name: modules ? "go modules" : "GOPATH (no go.mod)", version: null, source: modules ? "go.mod" : "no go.mod" },
    install,
    build,
    start: binName,
    noStartHelp: "",
    recipe: (c) => ({
      base: "go",
      workdir: "/app",
      // A static binary runs on the plain Debian runtime; GOFLAGS keeps builds from reaching for a
      // proxy this host cannot reach when go.sum already pins everything.
      env: { CGO_ENABLED: "0", GOTOOLCHAIN: "local", ...(modules ? {} : { GO111MODULE: "off" }) },
      setup: [],
      manifests: c.install ? ["go.mod", ...(hasFile(tree, "go.sum") ? ["go.sum"] : [])] : [],
      install: c.install,
      build: c.build,
      sourceFrom: ".",
      sourceTarget: ".",
      runtime: { base: "debian", copy: [{ from: "/app", to: "/app" }], env: { PATH: "/app/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" }, workdir: "/app" },
      start: c.start,
      ignore: [],
      healthcheck: true,
    }),
  };
}
