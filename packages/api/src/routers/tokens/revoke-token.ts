import { revokeApiToken } from "@berth/core/tokens/api-token";
import { signedInProcedure } from "../../trpc";
import { ZRevokeTokenInput, ZRevokeTokenOutput } from "./revoke-token.schema";

export const revokeTokenProcedure = signedInProcedure
  .input(ZRevokeTokenInput)
  .output(ZRevokeTokenOutput)
  .mutation(async ({ ctx, input }) => {
    await revokeApiToken(ctx.db, { userId: ctx.user.id, tokenId: input.id });
    return { revoked: true as const };
  });
