import assert from "node:assert/strict";
import { TRPCError } from "@trpc/server";
import { userMessageOf } from "../../src/trpc";

/**
 * A procedure's refusal: its code, and the text a caller can read from it (the console's tRPC
 * formatter and the REST API both send userMessageOf only; internal log messages never leave the
 * server). `NO_REFUSAL` when the call succeeded.
 */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; text: string }> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof TRPCError, `expected a TRPCError, got ${String(err)}`);
    return { code: err.code, text: userMessageOf(err) };
  }
  return { code: "NO_REFUSAL", text: "" };
}
