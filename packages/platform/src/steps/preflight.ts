import { existsSync, readFileSync } from "node:fs";
import { BringUpError } from "../util/bring-up-error";

/** Parses /etc/os-release text into its fields. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1]) fields[m[1]] = m[2]!.replace(/^"(.*)"$/, "$1");
  }
  return fields;
}

/** Berth installs its services from Debian packages, so it needs Debian (or a derivative using apt). */
export function checkDebian(osRelease: string | null): void {
  if (osRelease === null) {
    throw new BringUpError("This machine has no /etc/os-release, so it is not a Debian system Berth can set up.", "Run Berth on Debian 12 (bookworm), or use docker-compose.yml on a machine that already runs Docker.");
  }
  const f = parseOsRelease(osRelease);
  const family = `${f.ID ?? ""} ${f.ID_LIKE ?? ""}`.split(/\s+/);
  if (!family.includes("debian")) {
    throw new BringUpError(
      `This machine runs ${f.PRETTY_NAME ?? f.ID ?? "an unknown system"}, not Debian; bring-up installs its services with apt from Debian's packages.`,
      "Run Berth on Debian 12 (bookworm), or use docker-compose.yml on a machine that already runs Docker.",
    );
  }
}

export function checkRoot(uid: number | undefined = process.getuid?.()): void {
  if (uid !== 0) {
    throw new BringUpError(
      "Bring-up must run as root: it installs Debian packages and starts system services (Docker, PostgreSQL, Redis).",
      "Run it again with sudo: `sudo bash scripts/up.sh`.",
    );
  }
}

export function checkNode(version: string = process.versions.node): void {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new BringUpError(`Node.js ${version} is too old; Berth needs 20.19 or newer.`, "Install Node.js 20.19+ (or 22.12+) and run the bring-up again.");
  }
}

export function runPreflight(): void {
  checkRoot();
  checkDebian(existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : null);
  checkNode();
}
