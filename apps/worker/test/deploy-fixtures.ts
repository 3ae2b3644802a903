import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BerthConfig } from "@berth/config/config";
import { appHost } from "@berth/core/apps/app-url";
import { appServiceNames } from "@berth/core/deployments/apply-release-service";
import { readDeploymentProgress } from "@berth/core/deployments/read-deployment-progress";
import { tenantNetworkName } from "@berth/core/deployments/runtime-names";
import { syncRoutes } from "@berth/core/deployments/sync-routes";
import type { Database } from "@berth/db/client";
import type { DockerClient } from "@berth/docker/engine";
import { removeNetwork } from "@berth/docker/networks";
import { listServiceTasks, removeService } from "@berth/docker/services";
import { resolveRouterAdmin } from "@berth/router/admin-endpoint";
import { readRouteTable } from "@berth/router/read-route-table";
import { disconnectRouterFromNetwork } from "@berth/router/router-networks";

/** Shared by the deploy engine's integration tests: source archives, waiting for states, and what runs. */

export function spawnTar(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn("tar", args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    proc.stderr.on("data", (c: Buffer) => (err += c.toString()));
    proc.on("error", reject);
    proc.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tar exited ${code}: ${err}`))));
  });
}

/** Writes the files into a fresh directory and tars it, as the git endpoint hands a pushed tree over. */
export async function archive(work: string, name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const tarFile = path.join(work, `${name}.tar`);
  await spawnTar(["-cf", tarFile, "-C", dir, "."]);
  return tarFile;
}

/** A server answering "<greeting>" on $PORT, after `delayMs` (a slow start keeps a rollout in `deploying`). */
export function greeterServer(greeting: string, delayMs = 0): Record<string, string> {
  return {
    "server.js": [
      'const http = require("node:http");',
      `setTimeout(() => http.createServer((req, res) => res.end(${JSON.stringify(greeting)})).listen(Number(process.env.PORT)), ${delayMs});`,
      "",
    ].join("\n"),
  };
}

/** The greeter built from a Dockerfile with a slow step (`sleep`), so a test can act while it builds. */
export function slowBuild(greeting: string, marker: string, sleepSec: number, baseImage: string): Record<string, string> {
  return {
    ...greeterServer(greeting),
    Dockerfile: [`FROM ${baseImage}`, "WORKDIR /app", "COPY . .", `RUN echo ${marker} && sleep ${sleepSec}`, 'CMD ["node", "server.js"]', ""].join("\n"),
  };
}

export const TERMINAL = ["live", "failed", "cancelled"];

/** Follows a deployment's log until it ends; returns its end state and every line. */
export async function waitForEnd(db: Database, deploymentId: string, timeoutMs = 300_000) {
  const lines: string[] = [];
  let seq = 0;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const progress = await readDeploymentProgress(db, deploymentId, seq);
    for (const l of progress.lines) {
      seq = l.seq;
      lines.push(l.line);
    }
    if (TERMINAL.includes(progress.status)) return { ...progress, lines };
    await sleep(300);
  }
  throw new Error(`deployment ${deploymentId} did not end within ${timeoutMs} ms:\n${lines.join("\n")}`);
}

/** Waits until the deployment is in `status` and its log matches `logMatch` (when given). */
export async function waitForStep(db: Database, deploymentId: string, status: string, logMatch?: RegExp, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const row = await db.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { status: true } });
    if (TERMINAL.includes(row.status)) throw new Error(`deployment ${deploymentId} ended (${row.status}) before reaching ${status}`);
    if (row.status === status) {
      if (!logMatch) return;
      const lines = await db.deploymentLogLine.findMany({ where: { deploymentId }, select: { line: true } });
      if (lines.some((l) => logMatch.test(l.line))) return;
    }
    await sleep(200);
  }
  throw new Error(`deployment ${deploymentId} did not reach ${status} within ${timeoutMs} ms`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * What runs for the app: its Swarm services, the web service's running tasks, and the router's
 * routes for its host. "No duplicates" means one service per process type, as many running tasks
 * as replicas once settled, and exactly one route.
 */
export async function runtimeOf(deps: { docker: DockerClient; config: BerthConfig }, app: { id: string; tenant: string; name: string }) {
  const services = await appServiceNames(deps.docker, app.id);
  const running: string[] = [];
  for (const name of services) {
    for (const t of await listServiceTasks(deps.docker, name)) if (t.state === "running" && t.desiredState === "running") running.push(`${name}/${t.id}`);
  }
  const host = appHost(deps.config, app.tenant, app.name);
  const table = await readRouteTable(await resolveRouterAdmin(deps.docker, deps.config.router));
  const routes = table.routes.filter((r) => r.hosts.includes(host));
  return { services, running, routes };
}

/** Waits until only one task runs per service (a start-first update briefly runs two). */
export async function settledRuntime(deps: { docker: DockerClient; config: BerthConfig }, app: { id: string; tenant: string; name: string }, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = await runtimeOf(deps, app);
  while (Date.now() < deadline && last.running.length !== last.services.length) {
    await sleep(1000);
    last = await runtimeOf(deps, app);
  }
  return last;
}

/** Removes everything a test app left: services, tenant row, routes, network. */
export async function removeTestTenant(deps: { db: Database; docker: DockerClient; config: BerthConfig }, tenantId: string, appIds: string[]): Promise<void> {
  for (const appId of appIds) for (const name of await appServiceNames(deps.docker, appId)) await removeService(deps.docker, name);
  if (tenantId) await deps.db.tenant.delete({ where: { id: tenantId } }).catch(() => undefined);
  await syncRoutes(deps);
  const network = tenantNetworkName(tenantId);
  await disconnectRouterFromNetwork(deps.docker, deps.config, network).catch(() => false);
  for (let i = 0; i < 60 && !(await removeNetwork(deps.docker, network).catch(() => false)); i++) await sleep(1000);
}

export function assertNoDuplicates(rt: Awaited<ReturnType<typeof runtimeOf>>, message: string): void {
  assert.equal(new Set(rt.services).size, rt.services.length, `${message}: one service per process type (${rt.services.join(", ")})`);
  assert.equal(rt.running.length, rt.services.length, `${message}: one running task per service (${rt.running.join(", ")})`);
  assert.equal(rt.routes.length, 1, `${message}: exactly one route`);
}
