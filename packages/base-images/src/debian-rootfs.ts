import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type Docker from "dockerode";
import { importRootfs } from "@berth/docker/images";
import { managedLabels } from "./kinds";
import { runProcess } from "./run-process";

export interface DebianRootfsOptions {
  docker: Docker;
  /** `repo:tag` of the image to create. */
  image: string;
  mirror: string;
  suite: string;
  workDir: string;
  log: (line: string) => void;
}

/**
 * Creates the Debian base image without any registry: debootstrap a minbase root filesystem from the
 * configured mirror, then stream it through `tar` straight into the engine's import API (no tarball on disk).
 */
export async function buildDebianBase(opts: DebianRootfsOptions): Promise<string> {
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new Error("Building the Debian base image needs root (debootstrap creates device nodes and chowns files). Run bring-up as root.");
  }
  await mkdir(opts.workDir, { recursive: true });
  const rootfs = await mkdtemp(path.join(opts.workDir, "rootfs-"));
  try {
    opts.log(`debootstrap ${opts.suite} from ${opts.mirror} into ${rootfs}`);
    await runProcess("debootstrap", ["--variant=minbase", opts.suite, rootfs, opts.mirror], {
      // debootstrap prints several lines per package; the operator needs its stages, not each file.
      onLine: (line) => {
        if (!/^I: (Retrieving|Validating|Extracting|Unpacking|Configuring) /.test(line)) opts.log(line);
      },
      missingHint: "install it with `apt-get install debootstrap`",
    });
    await rm(path.join(rootfs, "var/cache/apt/archives"), { recursive: true, force: true });
    await mkdir(path.join(rootfs, "var/cache/apt/archives/partial"), { recursive: true });
    return await importTree(opts, rootfs);
  } finally {
    await removeTree(rootfs);
  }
}

async function importTree(opts: DebianRootfsOptions, rootfs: string): Promise<string> {
  const { repo, tag } = splitName(opts.image);
  opts.log(`importing ${rootfs} as ${opts.image}`);
  const tar = spawn("tar", ["--numeric-owner", "-C", rootfs, "-c", "."], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  tar.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const exited = new Promise<number | null>((resolve, reject) => {
    tar.on("error", reject);
    tar.on("close", resolve);
  });
  const labels = Object.entries(managedLabels("debian")).map(([k, v]) => `LABEL ${k}="${v}"`);
  const id = await importRootfs(opts.docker, tar.stdout, {
    repo,
    tag,
    changes: [...labels, "ENV LANG=C.UTF-8", 'CMD ["bash"]'],
  });
  const code = await exited;
  // A tar that stopped half-way would leave a truncated image under the real name: refuse it.
  if (code !== 0) {
    await opts.docker.getImage(id).remove({ force: true }).catch(() => undefined);
    throw new Error(`tar of the Debian root filesystem failed (exit ${code}): ${stderr.trim()}`);
  }
  return id;
}

export function splitName(image: string): { repo: string; tag: string } {
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  if (colon > slash) return { repo: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { repo: image, tag: "latest" };
}

/**
 * debootstrap mounts /proc and /sys inside the target and can leave them mounted when it fails;
 * a recursive delete would then walk into the host's /proc and /sys. Unmount first, then delete.
 */
async function removeTree(dir: string): Promise<void> {
  const mounts = (await readFile("/proc/self/mounts", "utf8").catch(() => ""))
    .split("\n")
    .map((line) => line.split(" ")[1] ?? "")
    .map((p) => p.replace(/\\040/g, " "))
    .filter((p) => p === dir || p.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const mountPoint of mounts) await runProcess("umount", ["-l", mountPoint]);
  await rm(dir, { recursive: true, force: true });
}
