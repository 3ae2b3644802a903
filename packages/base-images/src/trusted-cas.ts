import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the certificates go inside an image: Debian's `update-ca-certificates` reads this folder. */
export const IMAGE_CA_DIR = "/usr/local/share/ca-certificates/berth";
/** The bundle `update-ca-certificates` writes, which Node, npm and pip are pointed at. */
export const IMAGE_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

/**
 * The extra certificate authorities the host trusts (Debian keeps local ones in
 * /usr/local/share/ca-certificates). Behind a TLS-intercepting proxy, common in companies, builds
 * that fetch packages over HTTPS (npm, pip, go) fail unless the images trust the same authorities.
 * Returned as build-context files, by name; none when the folder is missing or empty.
 */
export function readTrustedCas(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".crt")) continue;
    const text = readFileSync(path.join(dir, name), "utf8");
    if (text.includes("BEGIN CERTIFICATE")) files[`ca-certificates/${name}`] = text;
  }
  return files;
}
