import { revokeInvitation } from "@berth/core/invitations/revoke-invitation";
import { signedInProcedure } from "../../trpc";
import { ZRevokeInviteInput, ZRevokeInviteOutput } from "./revoke-invite.schema";

/** The link stops working at once. */
export const revokeInviteProcedure = signedInProcedure
  .input(ZRevokeInviteInput)
  .output(ZRevokeInviteOutput)
  .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { userId: ctx.user.id, ...input }));
