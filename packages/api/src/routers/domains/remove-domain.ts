import { removeDomain } from "@berth/core/domains/remove-domain";
import { signedInProcedure } from "../../trpc";
import { ZRemoveDomainInput, ZRemoveDomainOutput } from "./domains.schema";

/** `berth domains:remove APP HOST`: stops serving the app under HOST (admin and above). */
export const removeDomainProcedure = signedInProcedure
  .input(ZRemoveDomainInput)
  .output(ZRemoveDomainOutput)
  .mutation(({ ctx, input }) => removeDomain(ctx, { userId: ctx.user.id, ...input }));
