import { createHash } from "node:crypto";
import type { BaseImageKind } from "./kinds";
import { IMAGE_CA_BUNDLE, IMAGE_CA_DIR } from "./trusted-cas";

export interface Recipe {
  dockerfile: string;
  files: Record<string, string>;
  /** A digest of everything the image is made from; a changed recipe makes a present image stale. */
  digest: string;
}

export type DerivedKind = Exclude<BaseImageKind, "debian">;

/**
 * Serves /srv on $PORT. Admin API and automatic HTTPS are off: the app container sits behind Berth's
 * router, which terminates TLS, and nothing should be able to reconfigure the app's own server.
 * (Caddy 2.6 has no `persist_config` option; its autosave only lands in the container's own layer.)
 */
const STATIC_CADDYFILE = `{
	admin off
	auto_https off
}

:{$PORT:8080} {
	root * /srv
	file_server
}
`;

interface KindSpec {
  packages: string[];
  /** Tools that keep their own CA list are pointed at the system bundle, which holds the extra CAs. */
  env?: string[];
  tail?: string[];
  files?: Record<string, string>;
}

const KINDS: Record<DerivedKind, KindSpec> = {
  node: { packages: ["nodejs", "npm"], env: [`NODE_EXTRA_CA_CERTS=${IMAGE_CA_BUNDLE}`] },
  python: {
    packages: ["python3", "python3-venv", "python3-pip"],
    env: [`PIP_CERT=${IMAGE_CA_BUNDLE}`, `REQUESTS_CA_BUNDLE=${IMAGE_CA_BUNDLE}`, `SSL_CERT_FILE=${IMAGE_CA_BUNDLE}`],
  },
  go: { packages: ["golang-go", "git"] },
  static: {
    packages: ["caddy"],
    tail: [
      "COPY Caddyfile /etc/caddy/Caddyfile",
      "RUN mkdir -p /srv",
      "ENV PORT=8080",
      "EXPOSE 8080",
      'CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]',
    ],
    files: { Caddyfile: STATIC_CADDYFILE },
  },
};

/**
 * One apt-get layer per image: `--no-install-recommends` keeps images small, and the package lists
 * are deleted in the same layer so they never reach the image. `trustedCas` (from readTrustedCas)
 * are added to the system trust store in the same step.
 */
export function recipeFor(kind: DerivedKind, debianImage: string, trustedCas: Record<string, string>): Recipe {
  const spec = KINDS[kind];
  const withCas = Object.keys(trustedCas).length > 0;
  const dockerfile = [
    `FROM ${debianImage}`,
    ["ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8", ...(spec.env ?? [])].join(" "),
    ...(withCas ? [`COPY ca-certificates/ ${IMAGE_CA_DIR}/`] : []),
    `RUN apt-get update && apt-get install -y --no-install-recommends ${[...spec.packages, "ca-certificates"].join(" ")}` +
      (withCas ? " && update-ca-certificates" : "") +
      " && apt-get clean && rm -rf /var/lib/apt/lists/*",
    ...(spec.tail ?? []),
    "",
  ].join("\n");
  const files = { ...(spec.files ?? {}), ...trustedCas };
  const hash = createHash("sha256").update(dockerfile);
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) hash.update(name).update(text);
  return { dockerfile, files, digest: hash.digest("hex").slice(0, 24) };
}
