import { signIn } from "@berth/core/auth/sign-in";
import { publicProcedure } from "../../trpc";
import { ZSignInInput, ZSignInOutput } from "./sign-in.schema";

export const signInProcedure = publicProcedure
  .input(ZSignInInput)
  .output(ZSignInOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await signIn(ctx.db, { ...input, ip: ctx.ip, userAgent: ctx.userAgent });
    ctx.sessionCookie.set(result.token, result.expiresAt);
    return { user: result.user, redirectTo: result.user.isPlatformAdmin ? "/admin/health" : "/" };
  });
