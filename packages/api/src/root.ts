import { authRouter } from "./routers/auth/router";
import { platformRouter } from "./routers/platform/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  platform: platformRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (server components, tests) through the same middleware and checks. */
export const createCaller = createCallerFactory(appRouter);
