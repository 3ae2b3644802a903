import { listApiTokens } from "@berth/core/tokens/list-api-tokens";
import { signedInProcedure } from "../../trpc";
import { ZListTokensOutput } from "./list-tokens.schema";

export const listTokensProcedure = signedInProcedure.output(ZListTokensOutput).query(({ ctx }) => listApiTokens(ctx.db, { userId: ctx.user.id }));
