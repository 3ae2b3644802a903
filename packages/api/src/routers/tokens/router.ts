import { router } from "../../trpc";
import { createTokenProcedure } from "./create-token";
import { listTokensProcedure } from "./list-tokens";
import { revokeTokenProcedure } from "./revoke-token";

export const tokensRouter = router({
  create: createTokenProcedure,
  list: listTokensProcedure,
  revoke: revokeTokenProcedure,
});
