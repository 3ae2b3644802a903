import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface CliConfig {
  apiUrl: string;
  token: string;
  tenant: string;
}

export const DEFAULT_TENANT = "main";

/** `$XDG_CONFIG_HOME/berth/config.json`, else `~/.config/berth/config.json`. */
export function cliConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), ".config");
  return path.join(base, "berth", "config.json");
}

export function readCliConfig(file: string = cliConfigPath()): Partial<CliConfig> {
  if (!existsSync(file)) return {};
  try {
    const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const pick = (k: string) => (typeof raw[k] === "string" && raw[k] ? (raw[k] as string) : undefined);
    return { apiUrl: pick("apiUrl"), token: pick("token"), tenant: pick("tenant") };
  } catch {
    throw new Error(`${file} is not valid JSON; fix it or run \`berth login\` again.`);
  }
}

/** Written with mode 600 (it holds a token), via a temporary file so a crash never leaves half a file. */
export function writeCliConfig(config: CliConfig, file: string = cliConfigPath()): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Flags over environment over file; the tenant defaults to `main`. */
export function resolveSettings(
  flags: { apiUrl?: string; token?: string; tenant?: string },
  env: NodeJS.ProcessEnv,
  file: Partial<CliConfig>,
): { apiUrl?: string; token?: string; tenant: string } {
  return {
    apiUrl: (flags.apiUrl ?? env.BERTH_API_URL ?? file.apiUrl)?.replace(/\/+$/, ""),
    token: flags.token ?? env.BERTH_TOKEN ?? file.token,
    tenant: flags.tenant ?? env.BERTH_TENANT ?? file.tenant ?? DEFAULT_TENANT,
  };
}
