import { AppError } from "@berth/core/errors/app-error";

/**
 * A bring-up failure an operator can act on: what went wrong (`message`) and the fix.
 * It is Berth's one error type (AppError, code UNAVAILABLE) with the fix as its user message,
 * so the operator CLI prints both and exits non-zero.
 */
export class BringUpError extends AppError {
  readonly fix: string | undefined;

  constructor(message: string, fix?: string) {
    super("UNAVAILABLE", { message, userMessage: fix });
    this.name = "BringUpError";
    this.fix = fix;
  }
}
