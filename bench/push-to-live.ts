/**
 * Push to live for a small Node app with a dependency, against a floor measured by hand in the same
 * run: `git clone` of the same repository, `docker build` (dockerode) of a hand-written two-step
 * Dockerfile, `docker run`, and the first answer. Three cases: cold (dependencies not cached
 * anywhere), warm (a one-line change) and an unchanged tree (an empty commit).
 *
 *   npm run bench -- push-to-live
 *
 * Prints each timing and its ratio to the floor; goals: warm ≤ 1.5× the floor, unchanged tree live
 * in < 5 s. Results are recorded by hand in docs/benchmarks.md.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { connectDocker } from "@berth/docker/engine";
import { buildImage, removeImageIfUnused } from "@berth/docker/images";
import { httpRequest } from "@berth/router/http-request";

const run = promisify(execFile);
const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const db = createDb(config.postgres.url);
const id = randomBytes(3).toString("hex");
const app = `bench-ptl-${id}`;
const host = `${app}.main.${config.baseDomain}`;
const env = { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "b@b", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "b@b" };

function appFiles(label: string): Record<string, string> {
  return {
    // The run id in the name makes the dependency install miss every cache on the cold push.
    "package.json": JSON.stringify({ name: `ptl-${id}`, version: "1.0.0", private: true, scripts: { start: "node server.js" }, dependencies: { ms: "2.1.3", "left-pad": "1.3.0" } }, null, 2),
    "server.js": `const ms = require("ms");\nrequire("node:http").createServer((q, s) => s.end("${label} " + ms("1h") + "\\n")).listen(Number(process.env.PORT));\n`,
  };
}

/** What a person would write by hand: manifests and install first, then the source. */
const FLOOR_DOCKERFILE = [
  `FROM ${config.baseImages.node}`,
  "WORKDIR /app",
  "ENV NODE_ENV=production PORT=5000",
  "COPY package.json ./",
  "RUN npm install --omit=dev --no-audit --no-fund",
  "COPY . .",
  'CMD ["node", "server.js"]',
  "",
].join("\n");

function get(port: number, hostHeader?: string): Promise<{ status: number; body: string }> {
  return httpRequest(`http://127.0.0.1:${port}/`, { headers: hostHeader ? { Host: hostHeader } : {}, timeoutMs: 2000 });
}

async function firstAnswer(port: number, expect: string, hostHeader?: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const res = await get(port, hostHeader).catch(() => null);
    if (res?.status === 200 && res.body.startsWith(expect)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer "${expect}" on ${port}`);
}

async function commit(dir: string, files: Record<string, string>, message: string, allowEmpty = false) {
  for (const [f, c] of Object.entries(files)) await writeFile(path.join(dir, f), c);
  await run("git", ["add", "--all"], { cwd: dir, env });
  await run("git", ["commit", "--quiet", ...(allowEmpty ? ["--allow-empty"] : []), "-m", message], { cwd: dir, env });
}

/** The floor: clone, build, run, first answer — no platform in between. */
async function floor(repo: string, label: string, noCache: boolean): Promise<number> {
  const started = performance.now();
  const clone = await mkdtemp(path.join(os.tmpdir(), "ptl-clone-"));
  await run("git", ["clone", "--quiet", repo, clone]);
  const files: Record<string, string> = { Dockerfile: FLOOR_DOCKERFILE };
  for (const f of ["package.json", "server.js"]) files[f] = await readFile(path.join(clone, f), "utf8");
  const tag = `bench-floor/${app}:${label}`;
  await buildImage(docker, { tag, dockerfile: FLOOR_DOCKERFILE, files, noCache });
  const container = await docker.createContainer({ Image: tag, Env: ["PORT=5000"], ExposedPorts: { "5000/tcp": {} }, HostConfig: { PortBindings: { "5000/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }] } } });
  await container.start();
  const info = await container.inspect();
  const port = Number(info.NetworkSettings.Ports["5000/tcp"]?.[0]?.HostPort);
  await firstAnswer(port, label);
  const ms = performance.now() - started;
  await container.remove({ force: true });
  await rm(clone, { recursive: true, force: true });
  return ms;
}

interface Phases {
  beforeRow: number;
  build: number;
  pushAndRelease: number;
  rollout: number;
  afterLive: number;
}

/** Where a push's time went, from the deployment's own timestamps (ms). */
async function phasesOf(startedAt: number, endedAt: number): Promise<Phases | null> {
  const d = await db.deployment.findFirst({
    where: { app: { name: app } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, buildingAt: true, pushingAt: true, deployingAt: true, finishedAt: true },
  });
  if (!d?.buildingAt || !d.pushingAt || !d.deployingAt || !d.finishedAt) return null;
  const t = (x: Date) => x.getTime();
  return {
    beforeRow: t(d.createdAt) - startedAt,
    build: t(d.pushingAt) - t(d.buildingAt),
    pushAndRelease: t(d.deployingAt) - t(d.pushingAt),
    rollout: t(d.finishedAt) - t(d.deployingAt),
    afterLive: endedAt - t(d.finishedAt),
  };
}

async function push(dir: string, label: string): Promise<{ ms: number; phases: Phases | null }> {
  const startedAt = Date.now();
  const started = performance.now();
  await run("git", ["push", "--quiet", "berth", "main"], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
  await firstAnswer(config.router.port, label, host);
  const ms = performance.now() - started;
  return { ms, phases: await phasesOf(startedAt, Date.now()) };
}

export async function pushToLive(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ptl-app-"));
  await run("git", ["init", "--quiet", "--initial-branch=main"], { cwd: dir, env });
  await run("berth", ["apps:create", app], { cwd: dir, env });
  await run("berth", ["git:remote", app], { cwd: dir, env });
  const results: Array<{ case: string; berthMs: number; floorMs: number; phases: Phases | null }> = [];
  try {
    await commit(dir, appFiles("cold"), "cold");
    const coldFloor = await floor(dir, "cold", true);
    const cold = await push(dir, "cold");
    results.push({ case: "cold", berthMs: cold.ms, floorMs: coldFloor, phases: cold.phases });

    await commit(dir, { "server.js": appFiles("warm")["server.js"] as string }, "one-line change");
    const warmFloor = await floor(dir, "warm", false);
    const warm = await push(dir, "warm");
    results.push({ case: "warm (one-line change)", berthMs: warm.ms, floorMs: warmFloor, phases: warm.phases });

    await commit(dir, {}, "unchanged tree", true);
    const sameFloor = await floor(dir, "warm", false);
    const same = await push(dir, "warm");
    results.push({ case: "unchanged tree", berthMs: same.ms, floorMs: sameFloor, phases: same.phases });
  } finally {
    await run("berth", ["apps:destroy", app, "--confirm", app], { cwd: dir, env }).catch(() => undefined);
    for (const label of ["cold", "warm"]) await removeImageIfUnused(docker, `bench-floor/${app}:${label}`).catch(() => false);
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`push to live, ${os.cpus().length} CPUs, ${new Date().toISOString()}`);
  console.log("case                     berth      floor     ratio");
  for (const r of results) {
    console.log(`${r.case.padEnd(24)} ${(r.berthMs / 1000).toFixed(1).padStart(6)} s ${(r.floorMs / 1000).toFixed(1).padStart(7)} s ${(r.berthMs / r.floorMs).toFixed(2).padStart(7)}×`);
  }
  console.log("where the time went (s): git+hook before the deployment row | build (or reuse) | push+release(+release phase) | rollout | hook after live");
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  for (const r of results) {
    const p = r.phases;
    console.log(`${r.case.padEnd(24)} ${p ? [p.beforeRow, p.build, p.pushAndRelease, p.rollout, p.afterLive].map(sec).join(" | ") : "(timestamps missing)"}`);
  }
  await db.$disconnect();
  const warm = results[1];
  const same = results[2];
  if (warm) console.log(`goal warm ≤ 1.5× floor: ${warm.berthMs / warm.floorMs <= 1.5 ? "met" : "missed"}`);
  if (same) console.log(`goal unchanged tree live < 5 s: ${same.berthMs < 5000 ? "met" : "missed"} (${(same.berthMs / 1000).toFixed(1)} s)`);
}
