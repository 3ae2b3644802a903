import { listMembers } from "@berth/core/tenants/list-members";
import { signedInProcedure } from "../../trpc";
import { ZListMembersOutput } from "./list-members.schema";
import { ZTenantRefInput } from "./tenant.schema";

export const listMembersProcedure = signedInProcedure
  .input(ZTenantRefInput)
  .output(ZListMembersOutput)
  .query(({ ctx, input }) => listMembers(ctx.db, { userId: ctx.user.id, tenant: input.tenant }));
