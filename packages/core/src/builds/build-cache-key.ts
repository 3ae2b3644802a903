import { createHash, createHmac } from "node:crypto";

export interface BuildCacheInputs {
  treeDigest: string;
  /** The generated Dockerfile (empty for a Dockerfile build: the tree holds it). */
  dockerfile: string;
  dockerignore: string;
  /** Ids of the base images, so a rebuilt base (new Debian packages, CAs) builds the app anew. */
  baseImageIds: string[];
  buildDir: string;
  dockerfilePath: string;
  /** Build secret values: a changed secret must rebuild. Mixed in with an HMAC, never stored. */
  secrets: Record<string, string>;
  secretKey: string;
}

/**
 * Identifies "the same build": the same tree built the same way from the same bases. A push whose
 * key matches an earlier built deployment of the app reuses that image instead of building.
 */
export function buildCacheKey(i: BuildCacheInputs): string {
  const secrets = Object.entries(i.secrets).sort(([a], [b]) => a.localeCompare(b));
  const secretMac = secrets.length ? createHmac("sha256", i.secretKey || "berth").update(JSON.stringify(secrets)).digest("hex") : "";
  return createHash("sha256")
    .update(JSON.stringify([i.treeDigest, i.dockerfile, i.dockerignore, i.baseImageIds, i.buildDir, i.dockerfilePath, secretMac]))
    .digest("hex");
}
