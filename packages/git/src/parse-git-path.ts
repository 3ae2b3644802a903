import { ZDnsLabel } from "@berth/core/apps/dns-label";

export type GitService = "git-upload-pack" | "git-receive-pack";

export interface GitPath {
  tenant: string;
  app: string;
  /** What follows `<app>.git/`. */
  rest: "info/refs" | GitService;
}

/**
 * `[tenant, "app.git", "info", "refs"]` and the like, or null. Only the three smart-HTTP
 * endpoints are served: no dumb-protocol file access into the repository.
 */
export function parseGitPath(segments: string[]): GitPath | null {
  const [tenant, repo, ...restParts] = segments;
  if (!tenant || !repo || !repo.endsWith(".git")) return null;
  const app = repo.slice(0, -4);
  if (!ZDnsLabel.safeParse(tenant).success || !ZDnsLabel.safeParse(app).success) return null;
  const rest = restParts.join("/");
  if (rest !== "info/refs" && rest !== "git-upload-pack" && rest !== "git-receive-pack") return null;
  return { tenant, app, rest };
}

/** The service a request asks for: from the path for POSTs, from `?service=` for info/refs. */
export function serviceOf(path: GitPath, searchParams: URLSearchParams): GitService | null {
  if (path.rest !== "info/refs") return path.rest;
  const service = searchParams.get("service");
  return service === "git-upload-pack" || service === "git-receive-pack" ? service : null;
}
