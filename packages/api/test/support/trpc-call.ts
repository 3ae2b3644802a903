import type { BerthConfig } from "@berth/config/config";
import type { Database } from "@berth/db/client";
import { handleTrpcRequest } from "../../src/http/handle-trpc-request";

export const TRPC_ENDPOINT = "/api/trpc";

export interface TrpcCallOptions {
  input?: unknown;
  /** An API token, sent as the CLI sends it. */
  token?: string;
  /** A session cookie, sent as the browser sends it. */
  cookie?: string;
  method?: "GET" | "POST";
  /** The client address the request claims (sign-in slow-down is per address). */
  forwardedFor?: string;
}

/**
 * Calls a procedure through the very fetch handler the console mounts at /api/trpc, so tests see
 * what a browser or the CLI sees: status, Set-Cookie and the JSON body.
 */
export async function trpcCall(deps: { db: Database; config: BerthConfig }, path: string, options: TrpcCallOptions = {}) {
  const { input, token, cookie, method = "GET", forwardedFor } = options;
  const url = new URL(`http://console.test${TRPC_ENDPOINT}/${path}`);
  if (method === "GET" && input !== undefined) url.searchParams.set("input", JSON.stringify(input));
  const headers = new Headers({ "content-type": "application/json" });
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (cookie) headers.set("cookie", cookie);
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  const body = method === "POST" ? JSON.stringify(input ?? null) : undefined;
  const res = await handleTrpcRequest(new Request(url, { method, headers, body }), { ...deps, endpoint: TRPC_ENDPOINT });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk tRPC's JSON envelopes freely
  return { status: res.status, setCookie: res.headers.get("set-cookie") ?? "", body: (await res.json()) as any };
}
