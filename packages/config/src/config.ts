import path from "node:path";
import { z } from "zod";
import { readEnvFile } from "./env-file";

/**
 * Every setting of a Berth installation, parsed once from (lowest to highest precedence):
 * built-in defaults, `<data dir>/berth.env` (written by bring-up, holds generated secrets),
 * and the process environment. Code elsewhere receives the parsed object, never `process.env`.
 */
// Default ports differ from the Debian packages' own defaults (5432, 6379, 5000): on a host
// where systemd starts those packaged services on install, Berth's instances must not collide.
const port = z.coerce.number().int().min(1).max(65535);

const ZRawConfig = z.object({
  BERTH_DATA_DIR: z.string().default("/var/lib/berth"),
  BERTH_LOG_DIR: z.string().default("/var/log/berth"),

  BERTH_PG_HOST: z.string().default("127.0.0.1"),
  BERTH_PG_PORT: port.default(5433),
  BERTH_PG_DATABASE: z.string().default("berth"),
  BERTH_PG_USER: z.string().default("berth"),
  BERTH_PG_PASSWORD: z.string().default(""),
  DATABASE_URL: z.string().optional(),

  BERTH_REDIS_HOST: z.string().default("127.0.0.1"),
  BERTH_REDIS_PORT: port.default(6380),

  BERTH_DOCKER_SOCKET: z.string().default("/var/run/docker.sock"),

  BERTH_REGISTRY_HOST: z.string().default("127.0.0.1"),
  BERTH_REGISTRY_PORT: port.default(5001),

  BERTH_ROUTER_BIND: z.string().default("0.0.0.0"),
  BERTH_ROUTER_PORT: port.default(80),

  BERTH_WEB_PORT: port.default(3000),
  BERTH_PUBLIC_URL: z.string().optional(),
  BERTH_BASE_DOMAIN: z.string().default("localhost"),

  BERTH_ADMIN_EMAIL: z.string().default("admin@berth.localhost"),
  BERTH_ADMIN_PASSWORD: z.string().default(""),
  BERTH_SESSION_SECRET: z.string().default(""),
  /** 32 bytes, base64: encrypts config vars at rest (AES-256-GCM). Generated once by bring-up; replacing it makes stored values unreadable. */
  BERTH_CONFIG_KEY: z.string().default(""),

  BERTH_DEBIAN_MIRROR: z.string().default("http://deb.debian.org/debian"),
  BERTH_DEBIAN_SUITE: z.string().default("bookworm"),
  BERTH_BUILD_CA_DIR: z.string().default("/usr/local/share/ca-certificates"),
  BERTH_IMAGE_DEBIAN: z.string().default("berth/debian:bookworm"),
  BERTH_IMAGE_NODE: z.string().default("berth/node:bookworm"),
  BERTH_IMAGE_PYTHON: z.string().default("berth/python:bookworm"),
  BERTH_IMAGE_GO: z.string().default("berth/go:bookworm"),
  BERTH_IMAGE_STATIC: z.string().default("berth/static:bookworm"),
  BERTH_IMAGE_ROUTER: z.string().default("berth/router:bookworm"),

  /** Limits of one app build: CPUs (fractions allowed), memory, wall time, and how much output the log keeps. */
  BERTH_BUILD_CPUS: z.coerce.number().positive().default(2),
  BERTH_BUILD_MEMORY_MB: z.coerce.number().int().min(256).default(4096),
  BERTH_BUILD_TIMEOUT_SECONDS: z.coerce.number().int().min(30).default(900),
  BERTH_BUILD_LOG_LIMIT_KB: z.coerce.number().int().min(16).default(512),

  /** Builds one worker process (a build host) runs at once; builds are CPU-, memory- and disk-heavy. */
  BERTH_MAX_CONCURRENT_BUILDS: z.coerce.number().int().min(1).max(32).default(2),
  /** Deploy steps (push, release, rollout) one worker runs at once, across apps; they mostly wait. */
  BERTH_MAX_CONCURRENT_DEPLOYS: z.coerce.number().int().min(1).max(64).default(8),
  /** How long a worker's claim on a deployment holds without renewal; a dead worker's deploys resume after it. */
  BERTH_DEPLOY_LEASE_MS: z.coerce.number().int().min(3_000).max(600_000).default(30_000),
  /** How often the worker compares what should run with Swarm and the router (and recovers stuck deploys). */
  BERTH_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(2_000).max(3_600_000).default(30_000),
});

export type BerthConfig = ReturnType<typeof toConfig>;

function toConfig(raw: z.infer<typeof ZRawConfig>) {
  const pgAuth = raw.BERTH_PG_PASSWORD
    ? `${encodeURIComponent(raw.BERTH_PG_USER)}:${encodeURIComponent(raw.BERTH_PG_PASSWORD)}`
    : encodeURIComponent(raw.BERTH_PG_USER);
  const databaseUrl =
    raw.DATABASE_URL ??
    `postgresql://${pgAuth}@${raw.BERTH_PG_HOST}:${raw.BERTH_PG_PORT}/${encodeURIComponent(raw.BERTH_PG_DATABASE)}`;
  const registryAddress = `${raw.BERTH_REGISTRY_HOST}:${raw.BERTH_REGISTRY_PORT}`;
  return {
    dataDir: raw.BERTH_DATA_DIR,
    logDir: raw.BERTH_LOG_DIR,
    envFile: path.join(raw.BERTH_DATA_DIR, "berth.env"),
    postgres: {
      host: raw.BERTH_PG_HOST,
      port: raw.BERTH_PG_PORT,
      database: raw.BERTH_PG_DATABASE,
      user: raw.BERTH_PG_USER,
      password: raw.BERTH_PG_PASSWORD,
      url: databaseUrl,
    },
    redis: {
      host: raw.BERTH_REDIS_HOST,
      port: raw.BERTH_REDIS_PORT,
      dataDir: path.join(raw.BERTH_DATA_DIR, "redis"),
    },
    docker: { socketPath: raw.BERTH_DOCKER_SOCKET },
    registry: {
      host: raw.BERTH_REGISTRY_HOST,
      port: raw.BERTH_REGISTRY_PORT,
      /** `host:port`, the prefix of every image name pushed to it. */
      address: registryAddress,
      url: `http://${registryAddress}`,
      dataDir: path.join(raw.BERTH_DATA_DIR, "registry"),
    },
    router: {
      bind: raw.BERTH_ROUTER_BIND,
      port: raw.BERTH_ROUTER_PORT,
      /** Where Berth reaches the router: always loopback, whatever address it is published on. */
      url: `http://127.0.0.1:${raw.BERTH_ROUTER_PORT}`,
      containerName: "berth-router",
      image: raw.BERTH_IMAGE_ROUTER,
    },
    web: {
      port: raw.BERTH_WEB_PORT,
      publicUrl: raw.BERTH_PUBLIC_URL ?? `http://localhost:${raw.BERTH_WEB_PORT}`,
    },
    baseDomain: raw.BERTH_BASE_DOMAIN,
    admin: { email: raw.BERTH_ADMIN_EMAIL, password: raw.BERTH_ADMIN_PASSWORD },
    sessionSecret: raw.BERTH_SESSION_SECRET,
    configKey: raw.BERTH_CONFIG_KEY,
    deploys: {
      maxConcurrentBuilds: raw.BERTH_MAX_CONCURRENT_BUILDS,
      maxConcurrentDeploys: raw.BERTH_MAX_CONCURRENT_DEPLOYS,
      leaseMs: raw.BERTH_DEPLOY_LEASE_MS,
      reconcileIntervalMs: raw.BERTH_RECONCILE_INTERVAL_MS,
    },
    build: {
      cpus: raw.BERTH_BUILD_CPUS,
      memoryBytes: raw.BERTH_BUILD_MEMORY_MB * 1024 * 1024,
      timeoutMs: raw.BERTH_BUILD_TIMEOUT_SECONDS * 1000,
      logLimitBytes: raw.BERTH_BUILD_LOG_LIMIT_KB * 1024,
    },
    baseImages: {
      mirror: raw.BERTH_DEBIAN_MIRROR,
      suite: raw.BERTH_DEBIAN_SUITE,
      /** Extra CA certificates the images trust (TLS-intercepting proxies): the host's local CAs by default. */
      trustedCaDir: raw.BERTH_BUILD_CA_DIR,
      debian: raw.BERTH_IMAGE_DEBIAN,
      node: raw.BERTH_IMAGE_NODE,
      python: raw.BERTH_IMAGE_PYTHON,
      go: raw.BERTH_IMAGE_GO,
      static: raw.BERTH_IMAGE_STATIC,
    },
  };
}

/** The data directory decides where the env file is, so it is read from the environment first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BerthConfig {
  const dataDir = env.BERTH_DATA_DIR ?? "/var/lib/berth";
  const fromFile = readEnvFile(env.BERTH_ENV_FILE ?? path.join(dataDir, "berth.env"));
  const merged = { ...fromFile, ...definedOnly(env) };
  const parsed = ZRawConfig.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Berth configuration is invalid (${problems}). Fix the variable in the environment or in ${dataDir}/berth.env.`);
  }
  return toConfig(parsed.data);
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") out[k] = v;
  return out;
}
