import { existsSync } from "node:fs";
import { mkdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ReadOnlyBind, ScratchTmpfs } from "@berth/docker/services";
import { AppError } from "../errors/app-error";
import { CHECK_SCRIPT } from "./check-script";

/** Debian's busybox-static (bring-up installs it): one static binary, so it runs in any image. */
const HOST_BUSYBOX = "/bin/busybox";
/** Where the tools appear inside app containers. */
export const TOOLS_MOUNT = "/berth";
/**
 * A per-container tmpfs over the (empty) state directory of the tools, where the check remembers
 * that the instance has been healthy once (see check-script.ts). The host directory only provides
 * the mount point: nothing is ever written through to the host.
 */
export const CHECK_STATE_MOUNT = `${TOOLS_MOUNT}/state`;
const CHECK_STATE_BYTES = 64 * 1024;

export interface HealthcheckMounts {
  tools: ReadOnlyBind;
  state: ScratchTmpfs;
}

/**
 * Makes sure <dataDir>/healthcheck holds the static busybox and the check script, and returns the
 * read-only bind mount that puts them at /berth in app containers, plus the container's own small
 * tmpfs for the check's state. This directory is the only host path an app container ever sees,
 * and only for reading. Idempotent; files are replaced atomically so a running check never reads
 * half a file.
 */
export async function ensureHealthcheckTools(dataDir: string): Promise<HealthcheckMounts> {
  const dir = path.join(dataDir, "healthcheck");
  if (!existsSync(HOST_BUSYBOX)) {
    throw new AppError("UNAVAILABLE", {
      message: `${HOST_BUSYBOX} is missing`,
      userMessage: "Health checks need Debian's busybox-static on every Swarm node (bring-up installs it): run `apt-get install busybox-static` or re-run scripts/up.sh.",
    });
  }
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await writeIfChanged(path.join(dir, "check"), Buffer.from(CHECK_SCRIPT), 0o755);
  await writeIfChanged(path.join(dir, "busybox"), await readFile(HOST_BUSYBOX), 0o755);
  // busybox picks its applet from argv[0]: /berth/true is `true`, which `nc -e` runs after connecting.
  if (!existsSync(path.join(dir, "true"))) await symlink("busybox", path.join(dir, "true")).catch(() => undefined);
  // The tmpfs needs its mount point to exist inside the read-only bind.
  await mkdir(path.join(dir, path.basename(CHECK_STATE_MOUNT)), { recursive: true, mode: 0o755 });
  return { tools: { source: dir, target: TOOLS_MOUNT }, state: { target: CHECK_STATE_MOUNT, sizeBytes: CHECK_STATE_BYTES } };
}

async function writeIfChanged(file: string, content: Buffer, mode: number): Promise<void> {
  const current = await readFile(file).catch(() => null);
  if (current && current.equals(content)) return;
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, content, { mode });
  await rename(tmp, file);
}

