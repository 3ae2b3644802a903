import { randomBytes } from "node:crypto";
import type { BerthConfig } from "@berth/config/config";
import type { DbClient } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { buildImage, removeImageIfUnused } from "@berth/docker/images";
import { pushImage, tagImage } from "@berth/docker/push-image";
import { removeNetwork } from "@berth/docker/networks";
import { disconnectRouterFromNetwork } from "@berth/router/router-networks";
import { appHost } from "../../src/apps/app-url";
import { configKeyOf, encryptConfigMap } from "../../src/crypto/config-cipher";
import { applyReleaseService } from "../../src/deployments/apply-release-service";
import { appImageRepository, tenantNetworkName } from "../../src/deployments/runtime-names";
import { removeAppRuntime } from "../../src/deployments/remove-app-runtime";
import { syncRoutes } from "../../src/deployments/sync-routes";
import { withAppLock } from "../../src/deployments/with-app-lock";

/**
 * A small Node app for runtime tests, built from Berth's local base image and pushed to the real
 * registry, so tests need no build pipeline: `/` answers with the instance's hostname, `/health`
 * with $HEALTH_STATUS (200 unless set), `/say?line=x` prints x to stdout, `/slow` answers after
 * a second, `/hang` never answers. worker.js prints a heartbeat line and listens on nothing.
 */
const SERVER_JS = `
const http = require("node:http");
const os = require("node:os");
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/health") { res.statusCode = Number(process.env.HEALTH_STATUS || 200); return res.end("health " + res.statusCode); }
  if (url.pathname === "/say") { console.log(url.searchParams.get("line")); return res.end("said"); }
  if (url.pathname === "/slow") { return setTimeout(() => res.end("slow " + os.hostname()), 1000); }
  if (url.pathname === "/hang") return;
  res.end("hello " + (process.env.GREETING || "") + " from " + os.hostname());
});
server.listen(Number(process.env.PORT), () => console.log("listening on " + process.env.PORT));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;
const WORKER_JS = `
console.log("worker started");
setInterval(() => console.log("worker tick " + Date.now()), 1000);
process.on("SIGTERM", () => process.exit(0));
`;
const DOCKERFILE = `FROM berth/node:bookworm
COPY server.js worker.js /app/
CMD ["node", "/app/server.js"]
`;

export const PROCFILE_TYPES = { web: "node /app/server.js", worker: "node /app/worker.js" };

export interface RuntimeFixture {
  tenant: { id: string; name: string };
  app: { id: string; name: string; tenant: { id: string; name: string } };
  host: string;
  imageDigest: string;
  /** How the runtime services address the app, as its owner. */
  ref: { userId: string; tenant: string; app: string };
  /** Makes a release row (live, current) and applies it to Swarm and the router. */
  release(opts?: { config?: Record<string, string>; processTypes?: Record<string, string> }): Promise<{ id: string; version: number }>;
  cleanup(): Promise<void>;
}

let builtDigest: Promise<{ repo: string; digest: string }> | undefined;

export async function createRuntimeFixture(deps: { db: DbClient; docker: DockerClient; config: BerthConfig }, label: string): Promise<RuntimeFixture> {
  const run = randomBytes(3).toString("hex");
  const tenantRow = await deps.db.tenant.create({ data: { name: `rt-${label}-${run}` }, select: { id: true, name: true } });
  const appRow = await deps.db.app.create({ data: { tenantId: tenantRow.id, name: `app-${run}` }, select: { id: true, name: true } });
  const app = { ...appRow, tenant: tenantRow };
  // An owner to act as: the runtime services check membership and role like the API does.
  const owner = await deps.db.user.create({ data: { email: `rt-${label}-${run}@runtime-tests.berth.test`, passwordHash: "not-used" }, select: { id: true } });
  await deps.db.membership.create({ data: { tenantId: tenantRow.id, userId: owner.id, role: "owner" } });
  // One image per test process; each app gets it under its own repository (the registry shares the layers).
  builtDigest ??= (async () => {
    const tag = `berth-runtime-test:${run}`;
    await buildImage(deps.docker, { tag, dockerfile: DOCKERFILE, files: { "server.js": SERVER_JS, "worker.js": WORKER_JS } });
    return { repo: tag, digest: "" };
  })();
  const built = await builtDigest;
  const ref = `${appImageRepository(deps.config, tenantRow.name, appRow.name)}:v1`;
  await tagImage(deps.docker, built.repo, ref);
  const imageDigest = await pushImage(deps.docker, ref);
  let version = 0;
  return {
    tenant: tenantRow,
    app,
    host: appHost(deps.config, tenantRow.name, appRow.name),
    imageDigest,
    ref: { userId: owner.id, tenant: tenantRow.name, app: appRow.name },
    async release(opts = {}) {
      version += 1;
      const release = await deps.db.release.create({
        data: {
          // Stored encrypted, as the engine stores snapshots (rollbacks and config deploys decrypt them).
          appId: app.id, version, kind: "build", imageRef: ref, imageDigest, config: encryptConfigMap(configKeyOf(deps.config), opts.config ?? {}),
          processTypes: opts.processTypes ?? {}, description: `test v${version}`, status: "live",
        },
        select: { id: true, version: true },
      });
      // Under the app lock, as a rollout does: the platform's own reconciler sees a live release
      // without its service and would otherwise create that service at the same moment.
      await withAppLock(deps.db, app.id, async () => {
        await deps.db.release.updateMany({ where: { appId: app.id, id: { not: release.id }, status: "live" }, data: { status: "superseded" } });
        await deps.db.app.update({ where: { id: app.id }, data: { currentReleaseId: release.id } });
        await applyReleaseService(deps, app, { id: release.id, imageDigest, config: opts.config ?? {}, processTypes: opts.processTypes ?? {} });
      });
      await syncRoutes(deps);
      return release;
    },
    async cleanup() {
      await deps.db.tenant.delete({ where: { id: tenantRow.id } }).catch(() => undefined);
      await deps.db.user.delete({ where: { id: owner.id } }).catch(() => undefined);
      await removeAppRuntime(deps, app.id);
      // Local tags only; the registry keeps its copy until its garbage collection.
      await removeImageIfUnused(deps.docker, ref).catch(() => false);
      await removeImageIfUnused(deps.docker, built.repo).catch(() => false);
      const network = tenantNetworkName(tenantRow.id);
      await disconnectRouterFromNetwork(deps.docker, deps.config, network).catch(() => undefined);
      // Swarm releases a network a moment after its last task is gone.
      for (let i = 0; i < 20; i++) {
        if (await removeNetwork(deps.docker, network).then(() => true, () => false)) break;
        await new Promise((r) => setTimeout(r, 500));
      }
    },
  };
}
