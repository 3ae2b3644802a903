import { addDomain } from "@berth/core/domains/add-domain";
import { signedInProcedure } from "../../trpc";
import { ZAddDomainInput, ZDomain } from "./domains.schema";

/** `berth domains:add APP HOST`: serves the app under HOST too (admin and above). */
export const addDomainProcedure = signedInProcedure
  .input(ZAddDomainInput)
  .output(ZDomain)
  .mutation(({ ctx, input }) => addDomain(ctx, { userId: ctx.user.id, ...input }));
