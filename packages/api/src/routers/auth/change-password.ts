import { changePassword } from "@berth/core/auth/change-password";
import { signedInProcedure } from "../../trpc";
import { ZChangePasswordInput, ZChangePasswordOutput } from "./change-password.schema";

/** This session stays signed in; every other session of the user ends. */
export const changePasswordProcedure = signedInProcedure
  .input(ZChangePasswordInput)
  .output(ZChangePasswordOutput)
  .mutation(({ ctx, input }) => changePassword(ctx.db, { userId: ctx.user.id, ...input, keepSessionToken: ctx.sessionToken }));
