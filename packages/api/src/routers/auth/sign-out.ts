import { revokeSession } from "@berth/core/auth/sessions";
import { z } from "zod";
import { publicProcedure } from "../../trpc";

/** Public on purpose: signing out with an expired or unknown cookie still clears the cookie. */
export const signOutProcedure = publicProcedure.output(z.object({ signedOut: z.literal(true) })).mutation(async ({ ctx }) => {
  if (ctx.sessionToken) await revokeSession(ctx.db, ctx.sessionToken);
  ctx.sessionCookie.clear();
  return { signedOut: true as const };
});
