import { createInvitation } from "@berth/core/invitations/create-invitation";
import { signedInProcedure } from "../../trpc";
import { ZInviteMemberInput, ZInviteMemberOutput } from "./invite-member.schema";

/** Returns the invitation link once; Berth sends no mail, the inviter passes the link on. */
export const inviteMemberProcedure = signedInProcedure
  .input(ZInviteMemberInput)
  .output(ZInviteMemberOutput)
  .mutation(({ ctx, input }) => createInvitation(ctx, { userId: ctx.user.id, ...input }));
