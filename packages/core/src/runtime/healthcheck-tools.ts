import { existsSync } from "node:fs";
import { mkdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ReadOnlyBind } from "@berth/docker/services";
import { AppError } from "../errors/app-error";
import { CHECK_SCRIPT } from "./check-script";

/** Debian's busybox-static (bring-up installs it): one static binary, so it runs in any image. */
const HOST_BUSYBOX = "/bin/busybox";
/** Where the tools appear inside app containers. */
export const TOOLS_MOUNT = "/berth";

/**
 * Makes sure <dataDir>/healthcheck holds the static busybox and the check script, and returns the
 * read-only bind mount that puts them at /berth in app containers. This directory is the only host
 * path an app container ever sees, and only for reading. Idempotent; files are replaced atomically
 * so a running check never reads half a file.
 */
export async function ensureHealthcheckTools(dataDir: string): Promise<ReadOnlyBind> {
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
  return { source: dir, target: TOOLS_MOUNT };
}

async function writeIfChanged(file: string, content: Buffer, mode: number): Promise<void> {
  const current = await readFile(file).catch(() => null);
  if (current && current.equals(content)) return;
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, content, { mode });
  await rename(tmp, file);
}

