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
import { revokeInviteProcedure } from "./revoke-invite";

export const tenantsRouter = router({
  create: createTenantProcedure,
  list: listTenantsProcedure,
  members: listMembersProcedure,
  invite: inviteMemberProcedure,
  getInvite: getInviteProcedure,
  acceptInvite: acceptInviteProcedure,
  revokeInvite: revokeInviteProcedure,
  changeRole: changeRoleProcedure,
  removeMember: removeMemberProcedure,
  delete: deleteTenantProcedure,
});
