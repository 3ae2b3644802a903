import type { AppRouter } from "@berth/api/root";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";

export type BerthClient = ReturnType<typeof createBerthClient>;

export function createBerthClient(apiUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${apiUrl}/api/trpc`, headers: () => ({ Authorization: `Bearer ${token}`, "User-Agent": "berth-cli" }) })],
  });
}

/** One line for a person: the server's userMessage, or what went wrong reaching it. */
export function describeError(error: unknown, apiUrl: string | undefined): string {
  if (error instanceof TRPCClientError) {
    const fromServer = (error.data as { userMessage?: unknown } | undefined)?.userMessage;
    if (typeof fromServer === "string") return fromServer;
    const cause = error.cause as { cause?: { code?: string } } | undefined;
    if (cause?.cause?.code === "ECONNREFUSED" || /fetch failed/.test(error.message)) {
      return `Cannot reach Berth at ${apiUrl ?? "(no API URL)"}. Is the console running, and is the URL right?`;
    }
    if (/not valid JSON|Unexpected token/.test(error.message)) {
      return `${apiUrl ?? "The API URL"} did not answer like a Berth console. Is the API URL right?`;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
