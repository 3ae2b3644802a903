import type { BaseImageKind } from "./kinds";

export interface Recipe {
  dockerfile: (debianImage: string) => string;
  files?: Record<string, string>;
}

/**
 * One apt-get layer per image: `--no-install-recommends` keeps images small, and the package lists
 * are deleted in the same layer so they never reach the image.
 */
function aptImage(packages: string[], tail: string[] = []): (debianImage: string) => string {
  return (debianImage) =>
    [
      `FROM ${debianImage}`,
      "ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8",
      `RUN apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")} && apt-get clean && rm -rf /var/lib/apt/lists/*`,
      ...tail,
      "",
    ].join("\n");
}

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

export const RECIPES: Record<Exclude<BaseImageKind, "debian">, Recipe> = {
  node: { dockerfile: aptImage(["nodejs", "npm", "ca-certificates"]) },
  python: { dockerfile: aptImage(["python3", "python3-venv", "python3-pip", "ca-certificates"]) },
  go: { dockerfile: aptImage(["golang-go", "ca-certificates", "git"]) },
  static: {
    dockerfile: aptImage(
      ["caddy"],
      [
        "COPY Caddyfile /etc/caddy/Caddyfile",
        "RUN mkdir -p /srv",
        "ENV PORT=8080",
        "EXPOSE 8080",
        'CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]',
      ],
    ),
    files: { Caddyfile: STATIC_CADDYFILE },
  },
};
