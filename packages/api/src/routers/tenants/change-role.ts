import { changeRole } from "@berth/core/tenants/change-role";
import { signedInProcedure } from "../../trpc";
import { ZChangeRoleInput, ZChangeRoleOutput } from "./change-role.schema";

export const changeRoleProcedure = signedInProcedure
  .input(ZChangeRoleInput)
  .output(ZChangeRoleOutput)
  .mutation(({ ctx, input }) => changeRole(ctx.db, { userId: ctx.user.id, ...input }));
