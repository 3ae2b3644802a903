import { existsSync, lstatSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import type { BerthConfig } from "@berth/config/config";
import { DEFAULT_TENANT, readCliConfig, writeCliConfig } from "@berth/cli/cli-config";
import type { StepLog } from "../util/log";
import { REPO_ROOT } from "../util/repo";

/** Where bring-up puts the `berth` command: on root's default PATH on Debian. */
export const CLI_LINK = "/usr/local/bin/berth";

/**
 * Leaves the operator's `berth` CLI on the PATH and signed in as the platform admin, in the default
 * tenant, so the README's flow works right after bring-up. A token that still works is kept, so a
 * second bring-up changes nothing.
 */
export async function ensureCliLogin(config: BerthConfig, log: StepLog): Promise<void> {
  const { createDb } = await import("@berth/db/client");
  const { ensureCliLogin: ensureLogin } = await import("@berth/core/tokens/ensure-cli-login");
  const current = readCliConfig();
  const db = createDb(config.postgres.url);
  try {
    const login = await ensureLogin(db, { adminEmail: config.admin.email, tenant: DEFAULT_TENANT, currentToken: current.token ?? null });
    const wanted = { apiUrl: config.web.publicUrl, token: login.token, tenant: login.tenant };
    if (login.created || current.apiUrl !== wanted.apiUrl || current.tenant !== wanted.tenant) writeCliConfig(wanted);
    log.ok(`CLI signed in as ${config.admin.email} in tenant "${login.tenant}"${login.created ? " (new token)" : ""}`);
  } finally {
    await db.$disconnect();
  }
  linkCli(log);
}

/** Points /usr/local/bin/berth at this checkout's CLI (the checkout bring-up ran from wins). */
function linkCli(log: StepLog): void {
  const target = path.join(REPO_ROOT, "packages", "cli", "bin", "berth.js");
  const present = existsSync(CLI_LINK) || isDanglingLink(CLI_LINK);
  if (present && lstatSync(CLI_LINK).isSymbolicLink() && readlinkSync(CLI_LINK) === target) {
    log.ok(`\`berth\` on the PATH (${CLI_LINK})`);
    return;
  }
  if (present && !lstatSync(CLI_LINK).isSymbolicLink()) {
    log.warn(`${CLI_LINK} exists and is not Berth's link; left alone. Run the CLI as ${target}.`);
    return;
  }
  if (present) rmSync(CLI_LINK);
  symlinkSync(target, CLI_LINK);
  log.ok(`\`berth\` on the PATH (${CLI_LINK} -> ${target})`);
}

function isDanglingLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
