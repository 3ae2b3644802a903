import { runCommand } from "../util/run-command";
import type { StepLog } from "../util/log";

/** Debian packages the platform runs on; the test tools are added only for the test command. */
export const PLATFORM_PACKAGES = ["docker.io", "postgresql", "redis-server", "docker-registry", "debootstrap", "busybox-static", "iproute2", "git", "ca-certificates"];
export const TEST_PACKAGES = ["chromium", "docker-compose"];

async function isInstalled(pkg: string): Promise<boolean> {
  const r = await runCommand("dpkg-query", ["-W", "-f=${Status}", pkg], { okCodes: [0, 1] });
  return r.code === 0 && r.stdout.includes("install ok installed");
}

/** Installs only what is missing, so a second bring-up does not touch apt at all. */
export async function ensureDebianPackages(packages: string[], log: StepLog): Promise<void> {
  const missing: string[] = [];
  for (const pkg of packages) if (!(await isInstalled(pkg))) missing.push(pkg);
  if (missing.length === 0) {
    log.ok(`all present (${packages.join(", ")})`);
    return;
  }
  log.info(`installing ${missing.join(", ")} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await runCommand("apt-get", ["update", "-q"], { env });
  await runCommand("apt-get", ["install", "-y", "-q", ...missing], { env });
  log.ok(`installed ${missing.join(", ")}`);
}
