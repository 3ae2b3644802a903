import type { TokenScope } from "@berth/db/generated/prisma/enums";

export type { TokenScope };

/** Weakest first: a scope may do everything the scopes before it may do. */
const ORDER: readonly TokenScope[] = ["read", "deploy", "admin"];

export function scopeAllows(scope: TokenScope, needed: TokenScope): boolean {
  return ORDER.indexOf(scope) >= ORDER.indexOf(needed);
}

/** API routers whose changes are deploy work: apps, their config, releases, deployments, scaling and health checks. */
const DEPLOY_ROUTERS = new Set(["apps", "config", "releases", "deployments", "processes", "healthChecks"]);

/**
 * The scope an API call needs. Reads need `read`; changes in the deploy routers need `deploy`;
 * every other change (members, tokens, account, and any router added later) needs `admin`, so a
 * new mutation is closed to narrow tokens until someone decides otherwise.
 */
export function requiredScope({ type, path }: { type: "query" | "mutation" | "subscription"; path: string }): TokenScope {
  if (type === "query") return "read";
  const routerName = path.split(".")[0] ?? "";
  return DEPLOY_ROUTERS.has(routerName) ? "deploy" : "admin";
}

export function scopeRefusal(scope: TokenScope, needed: TokenScope): string {
  return `This API token has the "${scope}" scope, which cannot do this; it needs a token with the "${needed}" scope or above.`;
}
