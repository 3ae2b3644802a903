import { signUp } from "@berth/core/auth/sign-up";
import { publicProcedure } from "../../trpc";
import { ZSignUpInput, ZSignUpOutput } from "./sign-up.schema";

export const signUpProcedure = publicProcedure
  .input(ZSignUpInput)
  .output(ZSignUpOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await signUp(ctx.db, { ...input, ip: ctx.ip, userAgent: ctx.userAgent });
    ctx.sessionCookie.set(result.token, result.expiresAt);
    return { user: result.user, redirectTo: result.user.isPlatformAdmin ? "/admin/health" : "/tenants" };
  });
