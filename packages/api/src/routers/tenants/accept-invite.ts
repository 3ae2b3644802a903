import { acceptInvitation } from "@berth/core/invitations/accept-invitation";
import { signedInProcedure } from "../../trpc";
import { ZAcceptInviteInput, ZAcceptInviteOutput } from "./accept-invite.schema";

export const acceptInviteProcedure = signedInProcedure
  .input(ZAcceptInviteInput)
  .output(ZAcceptInviteOutput)
  .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { userId: ctx.user.id, token: input.token }));
