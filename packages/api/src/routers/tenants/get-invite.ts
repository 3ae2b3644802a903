import { getInvitation } from "@berth/core/invitations/get-invitation";
import { publicProcedure } from "../../trpc";
import { ZGetInviteInput, ZGetInviteOutput } from "./get-invite.schema";

/** Public: the invite page shows what the link is for before the visitor signs in or up. */
export const getInviteProcedure = publicProcedure
  .input(ZGetInviteInput)
  .output(ZGetInviteOutput)
  .query(({ ctx, input }) => getInvitation(ctx.db, { token: input.token }));
