import { loadConfig, type BerthConfig } from "@berth/config/config";
import { ensureDebianPackages, PLATFORM_PACKAGES, TEST_PACKAGES } from "./steps/debian-packages";
import { ensureInstallationSecrets } from "./steps/installation-secrets";
import { runPreflight } from "./steps/preflight";
import { buildPlatform } from "./steps/build-platform";
import { finishDatabase } from "./steps/finish-database";
import { resyncRoutes } from "./steps/resync-routes";
import { ensureCliLogin } from "./steps/cli-login";
import { ensureDockerEngine } from "./services/docker-engine";
import { ensurePostgres } from "./services/postgres";
import { ensureRedis } from "./services/redis";
import { ensureRegistry } from "./services/registry";
import { ensureRouterService } from "./services/router";
import { ensureBaseImageSet } from "./services/base-images";
import { codeFingerprint, ensurePlatformProcess, platformProcesses } from "./services/platform-processes";
import type { StepLog } from "./util/log";

export interface UpOptions {
  /** Also install what the test suite needs (Chromium for the end-to-end tests). */
  withTestTools?: boolean;
}

/**
 * The whole bring-up, in dependency order. Every step checks before it acts, so running it
 * again on a machine that is already up changes nothing.
 */
export async function up(log: StepLog, options: UpOptions = {}): Promise<BerthConfig> {
  log.step("Checking this machine");
  runPreflight();
  log.ok("root, Debian, Node.js " + process.versions.node);

  log.step("Debian packages");
  await ensureDebianPackages(options.withTestTools ? [...PLATFORM_PACKAGES, ...TEST_PACKAGES] : PLATFORM_PACKAGES, log);

  const bootstrap = loadConfig();
  log.step(`Installation settings (${bootstrap.envFile})`);
  const generated = ensureInstallationSecrets(bootstrap.envFile);
  log.ok(generated.length ? `generated ${generated.join(", ")}` : "kept existing secrets");
  const config = loadConfig();

  log.step("Docker engine and Swarm");
  const docker = await ensureDockerEngine(config, log);

  log.step("PostgreSQL");
  await ensurePostgres(config, log);

  log.step("Redis");
  await ensureRedis(config, log);

  log.step("Image registry");
  await ensureRegistry(config, log);

  log.step("Base images (built locally from the Debian mirror when no registry can provide them)");
  await ensureBaseImageSet(docker, config, log, { rebuild: false });

  log.step("Router");
  await ensureRouterService(docker, config, log);

  log.step("Building the platform");
  await buildPlatform(config, log);

  log.step("Database schema and admin account");
  await finishDatabase(config, log);

  log.step("Routes of live apps");
  await resyncRoutes(config, log);

  log.step("Command-line client");
  await ensureCliLogin(config, log);

  log.step("Platform processes");
  for (const { kind, proc, port } of platformProcesses(config)) {
    const outcome = await ensurePlatformProcess(proc, codeFingerprint(kind), port);
    log.ok(`${proc.name}: ${outcome.replace("-", " ")} (log: ${proc.logFile})`);
  }
  return config;
}

export function printAccess(config: BerthConfig, write: (line: string) => void = (l) => process.stdout.write(l + "\n")): void {
  write("");
  write("Berth is up.");
  write(`console: ${config.web.publicUrl}`);
  write(`api: ${config.web.publicUrl}/api`);
  write(`admin email: ${config.admin.email}`);
  write(`admin password: ${config.admin.password}`);
  write(`router: ${config.router.url} (apps at http://<app>.<team>.${config.baseDomain}${config.router.port === 80 ? "" : ":" + config.router.port})`);
  write("cli: berth (signed in as the admin, tenant main; try `berth apps:create hello`)");
  write(`logs: ${config.logDir}`);
}
