import { removeMember } from "@berth/core/tenants/remove-member";
import { signedInProcedure } from "../../trpc";
import { ZRemoveMemberInput, ZRemoveMemberOutput } from "./remove-member.schema";

export const removeMemberProcedure = signedInProcedure
  .input(ZRemoveMemberInput)
  .output(ZRemoveMemberOutput)
  .mutation(async ({ ctx, input }) => {
    await removeMember(ctx.db, { userId: ctx.user.id, ...input });
    return { removed: true as const };
  });
