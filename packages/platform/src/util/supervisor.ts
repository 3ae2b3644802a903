import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BringUpError } from "./bring-up-error";
import { waitFor } from "./ports";

/**
 * A long-running program Berth starts itself (no systemd is assumed): detached in its own
 * process group, output appended to one log file, pid recorded so `stop`/`restart` find it.
 */
export interface ManagedProcess {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  logFile: string;
  pidFile: string;
  /** A word that must appear in /proc/<pid>/cmdline, so a recycled pid is not mistaken for ours. */
  cmdlineMarker: string;
  /** True once the process serves; `logOffset` is where its log ended when this start began. */
  ready: (since: { logOffset: number }) => Promise<boolean>;
  readyTimeoutMs: number;
  /** What to tell the operator when it does not come up. */
  fix: string;
}

export function readPid(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function isAlive(pid: number, marker?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!marker) return true;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // A zombie (state Z) has exited; it only waits for its parent to collect it.
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return cmdline.includes(marker) && state !== "Z";
  } catch {
    return false;
  }
}

export function runningPid(proc: Pick<ManagedProcess, "pidFile" | "cmdlineMarker">): number | null {
  const pid = readPid(proc.pidFile);
  return pid !== null && isAlive(pid, proc.cmdlineMarker) ? pid : null;
}

/**
 * Starts the process unless it already runs. A running process is left alone even when it does
 * not answer: starting a second copy would orphan the first; `restart` is the operator's tool.
 */
export async function startProcess(proc: ManagedProcess): Promise<"started" | "already-running"> {
  if (runningPid(proc) !== null) return "already-running";
  mkdirSync(path.dirname(proc.logFile), { recursive: true });
  const since = { logOffset: existsSync(proc.logFile) ? statSync(proc.logFile).size : 0 };
  mkdirSync(path.dirname(proc.pidFile), { recursive: true });
  const out = openSync(proc.logFile, "a");
  const child = spawn(proc.command, proc.args, {
    cwd: proc.cwd,
    env: proc.env ?? process.env,
    detached: true,
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? 128));
  child.on("error", () => (exited = 127));
  child.unref();
  if (!child.pid) throw new BringUpError(`Could not start ${proc.name} (\`${proc.command}\`).`, proc.fix);
  writeFileSync(proc.pidFile, `${child.pid}\n`);
  const ready = await waitFor(async () => exited === null && (await proc.ready(since)), proc.readyTimeoutMs);
  if (!ready) {
    await stopProcess(proc);
    const why = exited !== null ? `exited with code ${exited}` : `did not become ready within ${proc.readyTimeoutMs / 1000} s`;
    throw new BringUpError(`${proc.name} ${why}. Last lines of ${proc.logFile}:\n${tailOf(proc.logFile, 15)}`, proc.fix);
  }
  return "started";
}

/** SIGTERM to the whole process group, then SIGKILL if it has not gone after `graceMs`. */
export async function stopProcess(proc: Pick<ManagedProcess, "pidFile" | "cmdlineMarker">, graceMs = 15000): Promise<"stopped" | "not-running"> {
  const pid = runningPid(proc);
  if (pid === null) {
    rmSync(proc.pidFile, { force: true });
    return "not-running";
  }
  signalGroup(pid, "SIGTERM");
  const gone = await waitFor(async () => !isAlive(pid, proc.cmdlineMarker), graceMs, 100);
  if (!gone) {
    signalGroup(pid, "SIGKILL");
    await waitFor(async () => !isAlive(pid, proc.cmdlineMarker), 5000, 100);
  }
  rmSync(proc.pidFile, { force: true });
  return "stopped";
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export function tailOf(file: string, lines: number): string {
  if (!existsSync(file)) return "(no log written)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
