import type { BerthConfig } from "@berth/config/config";
import type { Database } from "@berth/db/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createApiContext, readBearerToken } from "../context";
import { appRouter } from "../root";
import { clientAddress } from "./client-address";
import { isSecureConsole, readSessionToken, serializeClearedSessionCookie, serializeSessionCookie } from "./session-cookie";

export interface HandleTrpcRequestOptions {
  db: Database;
  config: BerthConfig;
  /** The path the router is mounted at, e.g. "/api/trpc". */
  endpoint: string;
}

/**
 * Serves the API over fetch Request/Response: the session comes from and goes back to the `berth_session`
 * cookie; the CLI and scripts send `Authorization: Bearer <api token>` instead.
 */
export function handleTrpcRequest(req: Request, { db, config, endpoint }: HandleTrpcRequestOptions): Promise<Response> {
  const secure = isSecureConsole(config.web.publicUrl);
  return fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createApiContext({
        db,
        config,
        sessionToken: readSessionToken(req.headers.get("cookie")),
        apiToken: readBearerToken(req.headers.get("authorization")),
        ip: clientAddress(req.headers),
        userAgent: req.headers.get("user-agent"),
        sessionCookie: {
          set: (token, expiresAt) => resHeaders.append("Set-Cookie", serializeSessionCookie(token, expiresAt, { secure })),
          clear: () => resHeaders.append("Set-Cookie", serializeClearedSessionCookie({ secure })),
        },
      }),
    responseMeta: () => ({ headers: { "Cache-Control": "no-store" } }),
    onError: ({ error, path }) => {
      // Deliberate AppErrors (wrong password, forbidden) are answers, not faults; log only the rest.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}
