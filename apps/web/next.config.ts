import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript sources (exports map to src/*.ts), so Next compiles them.
  transpilePackages: ["@berth/api", "@berth/config", "@berth/core", "@berth/db", "@berth/docker", "@berth/git", "@berth/router"],
  // Native addons, optional requires and their own module loading: load these from node_modules at run time.
  serverExternalPackages: ["dockerode", "ssh2", "cpu-features", "pg", "ioredis", "@prisma/client", "@prisma/adapter-pg"],
  // npm workspaces hoist dependencies to the repository root; both tracers must look there.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  // forbidden() answers signed-in users without access with a real 403 (and app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default nextConfig;
