import { deleteAccount } from "@berth/core/auth/delete-account";
import { signedInProcedure } from "../../trpc";
import { ZDeleteAccountInput, ZDeleteAccountOutput } from "./delete-account.schema";

/** The account, its sessions and tokens are gone; the browser's cookie is cleared too. */
export const deleteAccountProcedure = signedInProcedure
  .input(ZDeleteAccountInput)
  .output(ZDeleteAccountOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await deleteAccount(ctx.db, { userId: ctx.user.id, password: input.password });
    ctx.sessionCookie.clear();
    return result;
  });
