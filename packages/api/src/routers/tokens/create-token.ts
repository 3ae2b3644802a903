import { createPersonalToken } from "@berth/core/tokens/create-personal-token";
import { signedInProcedure } from "../../trpc";
import { ZCreateTokenInput, ZCreateTokenOutput } from "./create-token.schema";

/** The secret is in this response and nowhere else; only its hash is stored. */
export const createTokenProcedure = signedInProcedure
  .input(ZCreateTokenInput)
  .output(ZCreateTokenOutput)
  .mutation(async ({ ctx, input }) => {
    const created = await createPersonalToken(ctx.db, { userId: ctx.user.id, ...input });
    return { id: created.tokenId, token: created.token, scope: created.scope, expiresAt: created.expiresAt };
  });
