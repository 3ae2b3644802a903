import { adminRouter } from "./routers/admin/router";
import { appsRouter } from "./routers/apps/router";
import { auditRouter } from "./routers/audit/router";
import { authRouter } from "./routers/auth/router";
import { buildsRouter } from "./routers/builds/router";
import { configRouter } from "./routers/config/router";
import { consoleRouter } from "./routers/console/router";
import { deploymentsRouter } from "./routers/deployments/router";
import { domainsRouter } from "./routers/domains/router";
import { healthChecksRouter } from "./routers/health-checks/router";
import { logsRouter } from "./routers/logs/router";
import { platformRouter } from "./routers/platform/router";
import { processesRouter } from "./routers/processes/router";
import { releasesRouter } from "./routers/releases/router";
import { tenantsRouter } from "./routers/tenants/router";
import { tokensRouter } from "./routers/tokens/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  platform: platformRouter,
  apps: appsRouter,
  config: configRouter,
  builds: buildsRouter,
  releases: releasesRouter,
  deployments: deploymentsRouter,
  processes: processesRouter,
  healthChecks: healthChecksRouter,
  domains: domainsRouter,
  logs: logsRouter,
  tenants: tenantsRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  admin: adminRouter,
  console: consoleRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (server components, tests) through the same middleware and checks. */
export const createCaller = createCallerFactory(appRouter);
