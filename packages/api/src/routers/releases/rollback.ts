import { rollback } from "@berth/core/releases/rollback";
import { signedInProcedure } from "../../trpc";
import { ZRollbackInput, ZRollbackOutput } from "./rollback.schema";

export const rollbackProcedure = signedInProcedure
  .input(ZRollbackInput)
  .output(ZRollbackOutput)
  .mutation(({ ctx, input }) => rollback(ctx, { userId: ctx.user.id, ...input }));
