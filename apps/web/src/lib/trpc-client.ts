import type { AppRouter } from "@berth/api/root";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";

/** Browser-side client; the session travels in the HttpOnly cookie, so nothing to attach here. */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/api/trpc" })],
});

/** A check made in the browser before calling the server; its message is already in plain words. */
export class PlainError extends Error {}

/** The sentence to show a person for any failure of a call. */
export function userMessageOf(error: unknown): string {
  if (error instanceof PlainError) return error.message;
  if (error instanceof TRPCClientError) {
    const fromServer = (error.data as { userMessage?: unknown } | undefined)?.userMessage;
    if (typeof fromServer === "string") return fromServer;
    return "The console could not reach its server. Check your connection and try again.";
  }
  return "Something went wrong. Try again.";
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: unknown } | undefined)?.code === "UNAUTHORIZED";
}
