import type { DetectContext, ProviderDraft, ProviderFailure } from "./detect-context";

/** A Procfile and no language: the repository runs on plain Debian as it is (`worker: ./run.sh`). */
export function planProcfileOnly(_ctx: DetectContext): ProviderDraft | ProviderFailure {
  return {
    versions: [],
    install: null,
    build: null,
    start: null,
    recipe: (c) => ({
      base: "debian",
      workdir: "/app",
      env: {},
      setup: [],
      manifests: [],
      install: c.install,
      build: c.build,
      sourceFrom: ".",
      sourceTarget: ".",
      runtime: null,
      start: c.start,
      ignore: [],
      healthcheck: true,
    }),
  };
}
