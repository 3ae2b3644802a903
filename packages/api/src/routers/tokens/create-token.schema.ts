import { z } from "zod";

export const ZTokenScope = z.enum(["read", "deploy", "admin"], { message: "The scope must be read, deploy or admin." });

export const ZCreateTokenInput = z.object({
  name: z.string().trim().min(1, "Name the token (where it will be used).").max(100, "A token name may have at most 100 characters."),
  scope: ZTokenScope,
  /** Whole days from now, or null for a token that never expires. */
  expiresInDays: z.number().int("Expiry is a whole number of days.").min(1, "A token lasts at least 1 day.").max(366, "A token expires after at most 366 days, or never.").nullable(),
});
export type TCreateTokenInput = z.infer<typeof ZCreateTokenInput>;

export const ZCreateTokenOutput = z.object({ id: z.string(), token: z.string(), scope: ZTokenScope, expiresAt: z.date().nullable() });
export type TCreateTokenOutput = z.infer<typeof ZCreateTokenOutput>;
