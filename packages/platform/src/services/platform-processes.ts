import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { BerthConfig } from "@berth/config/config";
import { isPortOpen, portTakenError } from "../util/ports";
import { REPO_ROOT } from "../util/repo";
import { runningPid, startProcess, stopProcess, type ManagedProcess } from "../util/supervisor";

const require = createRequire(import.meta.url);

/** The env every platform process gets: config is read from berth.env in the data dir. */
function processEnv(config: BerthConfig): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    BERTH_DATA_DIR: config.dataDir,
  };
}

export function webProcess(config: BerthConfig): ManagedProcess {
  const webDir = path.join(REPO_ROOT, "apps", "web");
  const nextBin = require.resolve("next/dist/bin/next", { paths: [webDir] });
  return {
    name: "web console",
    command: process.execPath,
    args: [nextBin, "start", "--port", String(config.web.port)],
    cwd: webDir,
    env: processEnv(config),
    logFile: path.join(config.logDir, "web.log"),
    pidFile: path.join(config.dataDir, "run", "web.pid"),
    // `next start` renames its process (process.title) to "next-server (vX.Y.Z)".
    cmdlineMarker: "next-server",
    // Any HTTP answer means the server runs; /api/health answers 503 while a component is down.
    ready: async () => {
      const res = await fetch(`http://127.0.0.1:${config.web.port}/api/health`, { signal: AbortSignal.timeout(5000) });
      return res.status === 200 || res.status === 503;
    },
    readyTimeoutMs: 60_000,
    fix: `Read ${path.join(config.logDir, "web.log")}; rebuild with \`npm run platform -- restart web\` once fixed.`,
  };
}

export function workerProcess(config: BerthConfig): ManagedProcess {
  const logFile = path.join(config.logDir, "worker.log");
  const entry = path.join(REPO_ROOT, "apps", "worker", "src", "main.ts");
  return {
    name: "worker",
    command: process.execPath,
    args: ["--import", "tsx", entry],
    cwd: path.join(REPO_ROOT, "apps", "worker"),
    env: processEnv(config),
    logFile,
    pidFile: path.join(config.dataDir, "run", "worker.pid"),
    cmdlineMarker: "apps/worker/src/main.ts",
    // The worker logs "worker ready: …" once it takes jobs; only lines written by this start count.
    ready: async ({ logOffset }) => {
      if (!existsSync(logFile)) return false;
      const text = readFileSync(logFile, "utf8");
      return /worker ready/.test(text.length >= logOffset ? text.slice(logOffset) : text);
    },
    readyTimeoutMs: 60_000,
    fix: `Read ${logFile}; fix what it says and run \`npm run platform -- restart worker\`.`,
  };
}

/**
 * What a running process was started from. Bring-up restarts a process only when this changed,
 * so a second `up` with nothing new leaves the platform exactly as it was.
 */
export function codeFingerprint(kind: "web" | "worker"): string {
  if (kind === "web") {
    const buildId = path.join(REPO_ROOT, "apps", "web", ".next", "BUILD_ID");
    return existsSync(buildId) ? readFileSync(buildId, "utf8").trim() : "unbuilt";
  }
  const hash = createHash("sha256");
  for (const dir of workspaceSourcesOf(path.join(REPO_ROOT, "apps", "worker"))) hashTree(dir, hash);
  return hash.digest("hex").slice(0, 16);
}

/** The `src` folders of a workspace and of every @berth/* package it depends on, transitively. */
function workspaceSourcesOf(workspaceDir: string, seen = new Set<string>()): string[] {
  if (seen.has(workspaceDir)) return [];
  seen.add(workspaceDir);
  const manifest = JSON.parse(readFileSync(path.join(workspaceDir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const dirs = [path.join(workspaceDir, "src")];
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (!dep.startsWith("@berth/")) continue;
    const depDir = path.join(REPO_ROOT, "packages", dep.slice("@berth/".length));
    if (existsSync(path.join(depDir, "package.json"))) dirs.push(...workspaceSourcesOf(depDir, seen));
  }
  return dirs;
}

function hashTree(dir: string, hash: ReturnType<typeof createHash>): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name.endsWith(".test.ts")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(full, hash);
    else if (/\.(ts|mjs|prisma)$/.test(entry.name)) hash.update(full).update(readFileSync(full));
  }
}

function fingerprintFile(proc: ManagedProcess): string {
  return proc.pidFile.replace(/\.pid$/, ".fingerprint");
}

/** Starts the process, or restarts it when the code it runs has changed since it started. */
export async function ensurePlatformProcess(
  proc: ManagedProcess,
  fingerprint: string,
  port?: { number: number; setting: string; envFile: string },
): Promise<"started" | "restarted" | "already-running"> {
  const recorded = existsSync(fingerprintFile(proc)) ? readFileSync(fingerprintFile(proc), "utf8").trim() : null;
  let restarted = false;
  if (runningPid(proc) !== null && recorded !== fingerprint) {
    await stopProcess(proc);
    restarted = true;
  }
  // Another program on the port would answer our readiness probe and hide the failed start.
  if (port && runningPid(proc) === null && (await isPortOpen("127.0.0.1", port.number))) {
    throw portTakenError(proc.name, port.number, port.setting, port.envFile);
  }
  const outcome = await startProcess(proc);
  writeFileSync(fingerprintFile(proc), fingerprint + "\n");
  return restarted ? "restarted" : outcome;
}

/** Web and worker with what `ensurePlatformProcess` needs to know about each. */
export function platformProcesses(config: BerthConfig) {
  return [
    { kind: "web" as const, proc: webProcess(config), port: { number: config.web.port, setting: "BERTH_WEB_PORT", envFile: config.envFile } },
    { kind: "worker" as const, proc: workerProcess(config), port: undefined },
  ];
}
