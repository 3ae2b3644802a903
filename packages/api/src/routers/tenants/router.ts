import { router } from "../../trpc";
import { acceptInviteProcedure } from "./accept-invite";
import { changeRoleProcedure } from "./change-role";
import { createTenantProcedure } from "./create-tenant";
import { deleteTenantProcedure } from "./delete-tenant";
import { getInviteProcedure } from "./get-invite";
import { inviteMemberProcedure } from "./invite-member";
import { listMembersProcedure } from "./list-members";
import { listTenantsProcedure } from "./list-tenants";
import { removeMemberProcedure } from "./remove-member";

export const tenantsRouter = router({
  create: createTenantProcedure,
  list: listTenantsProcedure,
  members: listMembersProcedure,
  invite: inviteMemberProcedure,
  getInvite: getInviteProcedure,
  acceptInvite: acceptInviteProcedure,
  changeRole: changeRoleProcedure,
  removeMember: removeMemberProcedure,
  delete: deleteTenantProcedure,
});
