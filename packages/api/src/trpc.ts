import { auditInterfaceOf, recordAuditEvent } from "@berth/core/audit/record-audit-event";
import { describeMutation } from "@berth/core/audit/describe-mutation";
import { AppError, type AppErrorCode } from "@berth/core/errors/app-error";
import { assertTenantActive } from "@berth/core/tenants/assert-tenant-active";
import { requiredScope, scopeAllows, scopeRefusal } from "@berth/core/tokens/token-scope";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import type { ApiContext } from "./context";

/** The one place where a domain error code becomes a transport code (and so an HTTP status). */
const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  INVALID_INPUT: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const GENERIC_FAILURE = "Something went wrong on our side.";

/** What a caller may read about an error (the console, the REST API): never internals. */
export function userMessageOf(error: TRPCError): string {
  if (error.cause instanceof AppError) return error.cause.userMessage;
  if (error.cause instanceof ZodError) return error.cause.issues[0]?.message ?? "Some of the values you entered are not valid.";
  // Errors we did not raise on purpose may carry internals (SQL, paths); the client gets a plain sentence.
  if (error.code === "INTERNAL_SERVER_ERROR") return GENERIC_FAILURE;
  return error.message;
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    // AppError.message is for logs and may name internals (emails, hosts); the wire only carries userMessage.
    const userMessage = userMessageOf(error);
    return { ...shape, message: userMessage, data: { ...shape.data, stack: undefined, userMessage } };
  },
});

/** Services throw AppError; this gives each one the transport code the formatter table names. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A token's scope limits every call it makes, decided here from the call's type and router so no
 * procedure can forget it. Browser sessions carry no scope: they act with the user's full roles.
 */
const tokenScope = t.middleware(({ ctx, type, path, next }) => {
  const scope = ctx.tokenScope;
  if (scope) {
    const needed = requiredScope({ type, path });
    if (!scopeAllows(scope, needed)) {
      throw new AppError("FORBIDDEN", { message: `${scope} token called ${path} (needs ${needed})`, userMessage: scopeRefusal(scope, needed) });
    }
  }
  return next();
});

/**
 * Every successful mutation by a signed-in caller is written to the audit log here, so no procedure
 * can forget it. The event is written after the change; a failure to write it is logged, not
 * turned into an error for a change that did happen.
 */
const audit = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  const result = await next();
  if (type !== "mutation" || !result.ok || !ctx.user) return result;
  try {
    const described = await describeMutation(ctx.db, path, await getRawInput());
    await recordAuditEvent(ctx.db, {
      ...described,
      actorUserId: ctx.user.id,
      actorTokenId: ctx.tokenId ?? null,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      interface: auditInterfaceOf({ viaToken: !!ctx.tokenId, userAgent: ctx.userAgent }),
    });
  } catch (err) {
    console.error(`audit: recording ${path} failed:`, err instanceof Error ? err.message : err);
  }
  return result;
});

/**
 * A suspended tenant's members keep reading, but no change goes through: checked here, from the
 * mutation's `tenant` input, so no procedure can forget it. Platform admins' own procedures
 * (`admin.*`, which resume tenants) are exempt.
 */
const tenantNotSuspended = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  if (type === "mutation" && ctx.user && !path.startsWith("admin.")) {
    const input = await getRawInput();
    const tenant = input && typeof input === "object" ? (input as { tenant?: unknown }).tenant : undefined;
    if (typeof tenant === "string") await assertTenantActive(ctx.db, { tenant: tenant.trim(), userId: ctx.user.id });
  }
  return next();
});

export const publicProcedure = t.procedure.use(appErrors).use(tokenScope).use(tenantNotSuspended).use(audit);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new AppError("UNAUTHORIZED", { message: ctx.credentialProblem ?? "no valid session", userMessage: ctx.credentialProblem ?? "Please sign in." });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const platformAdminProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isPlatformAdmin) {
    throw new AppError("FORBIDDEN", { message: `${ctx.user.email} is not a platform admin`, userMessage: "Only platform admins can see this." });
  }
  return next();
});
