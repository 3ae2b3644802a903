import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readEnvFile, renderEnvFile } from "@berth/config/env-file";

/** Secrets generated on the first bring-up and kept in `<data dir>/berth.env` from then on. */
const GENERATED: Record<string, () => string> = {
  BERTH_PG_PASSWORD: () => token(24),
  BERTH_ADMIN_PASSWORD: () => token(18),
  BERTH_SESSION_SECRET: () => token(48),
  // AES-256 key for config vars at rest: exactly 32 random bytes, standard base64.
  BERTH_CONFIG_KEY: () => randomBytes(32).toString("base64"),
};

function token(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Makes sure the installation's env file exists and holds every generated secret.
 * Values already there (or given in the environment) are never replaced, so a second run
 * keeps the same admin password and database password. Returns the names it generated.
 */
export function ensureInstallationSecrets(envFile: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const current = readEnvFile(envFile);
  const added: string[] = [];
  for (const [key, generate] of Object.entries(GENERATED)) {
    if (current[key] || env[key]) continue;
    current[key] = generate();
    added.push(key);
  }
  mkdirSync(path.dirname(envFile), { recursive: true, mode: 0o700 });
  if (added.length > 0) {
    writeFileSync(
      envFile,
      renderEnvFile(current, "Berth installation settings and secrets, written by bring-up.\nEdit to override defaults (see README); keep this file private."),
      { mode: 0o600 },
    );
  }
  chmodSync(envFile, 0o600);
  return added;
}
