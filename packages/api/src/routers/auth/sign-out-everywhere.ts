import { signOutEverywhere } from "@berth/core/auth/sign-out-everywhere";
import { z } from "zod";
import { signedInProcedure } from "../../trpc";

export const ZSignOutEverywhereOutput = z.object({ sessionsEnded: z.number().int() });

/** Ends every session of the user, this browser's included. */
export const signOutEverywhereProcedure = signedInProcedure.output(ZSignOutEverywhereOutput).mutation(async ({ ctx }) => {
  const result = await signOutEverywhere(ctx.db, { userId: ctx.user.id });
  ctx.sessionCookie.clear();
  return result;
});
