/**
 * The one error type services throw. It carries a code the API layer maps to a transport status
 * (one formatter does that; core never imports @trpc/server), an internal `message` for logs, and
 * a `userMessage` safe to show to whoever made the request.
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "INVALID_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppErrorOptions {
  /** For logs and developers; may name internals. Defaults to `userMessage`. */
  message?: string;
  /** Shown to the user as is, so it must not leak internals. */
  userMessage?: string;
  /** Seconds until a retry may succeed (RATE_LIMITED). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

const DEFAULT_USER_MESSAGES: Record<AppErrorCode, string> = {
  NOT_FOUND: "We could not find what you asked for.",
  UNAUTHORIZED: "Please sign in.",
  FORBIDDEN: "You do not have access to this.",
  INVALID_INPUT: "Some of the values you entered are not valid.",
  CONFLICT: "This conflicts with something that already exists.",
  RATE_LIMITED: "Too many attempts. Wait a moment and try again.",
  UNAVAILABLE: "A part of the platform is not answering. Try again shortly.",
  INTERNAL: "Something went wrong on our side.",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    const userMessage = options.userMessage ?? DEFAULT_USER_MESSAGES[code];
    super(options.message ?? userMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static is(error: unknown): error is AppError {
    return error instanceof AppError;
  }
}
