import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { BerthConfig } from "@berth/config/config";
import { requireAppAccess } from "@berth/core/apps/app-scope";
import { assertTenantActive } from "@berth/core/tenants/assert-tenant-active";
import { AppError } from "@berth/core/errors/app-error";
import { authenticateApiToken } from "@berth/core/tokens/api-token";
import { scopeAllows, scopeRefusal } from "@berth/core/tokens/token-scope";
import type { DbClient } from "@berth/db/client";
import { ensureBareRepo, gitRoot } from "./bare-repo";
import { issueHookSecret } from "./hook-secrets";
import { runHttpBackend } from "./http-backend";
import { parseGitPath, serviceOf } from "./parse-git-path";

export interface GitRequestDeps {
  db: DbClient;
  config: BerthConfig;
  /** The Berth checkout, where the hook's script lives. */
  repoRoot?: string;
  clientAddress?: string | null;
}

/**
 * One refusal: git shows a text/plain body line by line as `remote: …` before its own
 * "fatal:" line, so the reason is the first thing the pusher reads.
 */
function refuse(status: number, reason: string, extra: Record<string, string> = {}): Response {
  return new Response(`${reason}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra },
  });
}

const CHALLENGE = { "WWW-Authenticate": 'Basic realm="Berth", charset="UTF-8"' };

function basicPassword(header: string | null): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? null : decoded.slice(colon + 1) || null;
}

/**
 * Serves `/git/<tenant>/<app>.git/(info/refs|git-upload-pack|git-receive-pack)`: an API token as
 * the Basic-auth password, membership checked inside the app query, then `git http-backend`.
 * `segments` is the path below the /git mount.
 */
export async function handleGitRequest(req: Request, segments: string[], deps: GitRequestDeps): Promise<Response> {
  const url = new URL(req.url);
  const path = parseGitPath(segments);
  if (!path) return refuse(404, "Not a Berth repository. Git URLs look like <console>/git/<tenant>/<app>.git");
  const service = serviceOf(path, url.searchParams);
  if (!service) return refuse(403, "Berth only speaks git's smart HTTP protocol; use git 1.6.6 or newer.");
  const expectedMethod = path.rest === "info/refs" ? "GET" : "POST";
  if (req.method !== expectedMethod) return refuse(405, `Use ${expectedMethod} for ${path.rest}.`, { Allow: expectedMethod });

  const secret = basicPassword(req.headers.get("authorization"));
  if (!secret) {
    return refuse(401, "Berth needs an API token as the password (any user name). `berth git:remote <app>` sets that up.", CHALLENGE);
  }
  const user = await authenticateApiToken(deps.db, secret);
  if (!user) return refuse(401, "Berth refused the API token: it is not valid, has expired or was revoked. Run `berth login` with a new token.", CHALLENGE);
  // A push deploys, so it takes a deploy-scoped token; fetching is reading.
  const neededScope = service === "git-receive-pack" ? "deploy" : "read";
  if (!scopeAllows(user.scope, neededScope)) return refuse(403, scopeRefusal(user.scope, neededScope));

  let app: { id: string };
  try {
    app = await requireAppAccess(deps.db, { userId: user.id, tenant: path.tenant, app: path.app }, service === "git-receive-pack" ? "developer" : "viewer");
    if (service === "git-receive-pack") await assertTenantActive(deps.db, { tenant: path.tenant, userId: user.id });
  } catch (err) {
    if (AppError.is(err) && err.code === "NOT_FOUND") return refuse(404, `${err.userMessage} Create it with \`berth apps:create ${path.app}\`.`);
    if (AppError.is(err) && err.code === "FORBIDDEN") return refuse(403, err.userMessage);
    throw err;
  }

  await ensureBareRepo(deps.config.dataDir, path.tenant, path.app, deps.repoRoot);
  const hookEnv: Record<string, string> = {};
  let revokeHookSecret: (() => void) | undefined;
  if (path.rest === "git-receive-pack") {
    // The pre-receive hook is a plain script that calls back into this process to deploy. Its one
    // credential is a secret for this push only, bound here to the app, the pusher and the archive
    // path; it travels in the hook's environment (never argv) and dies with this request.
    const sourceArchive = join(deps.config.dataDir, "sources", `${randomUUID()}.tar`);
    const issued = issueHookSecret({
      appId: app.id, appName: path.app, userId: user.id, tokenId: user.tokenId, sourceArchive,
      clientAddr: deps.clientAddress ?? null, userAgent: (req.headers.get("user-agent") ?? "").slice(0, 500) || null,
    });
    revokeHookSecret = issued.revoke;
    Object.assign(hookEnv, {
      BERTH_HOOK_URL: `http://127.0.0.1:${deps.config.web.port}/git-hook/deploy`,
      BERTH_HOOK_SECRET: issued.secret,
      BERTH_SOURCE_ARCHIVE: sourceArchive,
    });
  }
  try {
    return await runHttpBackend({
      projectRoot: gitRoot(deps.config.dataDir),
      pathInfo: `/${path.tenant}/${path.app}.git/${path.rest}`,
      method: req.method,
      queryString: url.search.replace(/^\?/, ""),
      headers: req.headers,
      body: req.body,
      remoteUser: user.email,
      remoteAddr: deps.clientAddress ?? null,
      extraEnv: { BERTH_APP_NAME: path.app, BERTH_TENANT_NAME: path.tenant, ...hookEnv },
      onClose: revokeHookSecret,
      signal: req.signal,
    });
  } catch (err) {
    revokeHookSecret?.();
    throw err;
  }
}
