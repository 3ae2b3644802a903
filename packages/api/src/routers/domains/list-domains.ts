import { listDomains } from "@berth/core/domains/list-domains";
import { signedInProcedure } from "../../trpc";
import { ZListDomainsInput, ZListDomainsOutput } from "./domains.schema";

/** `berth domains APP`: the app's custom domains (viewer and above). */
export const listDomainsProcedure = signedInProcedure
  .input(ZListDomainsInput)
  .output(ZListDomainsOutput)
  .query(({ ctx, input }) => listDomains(ctx, { userId: ctx.user.id, ...input }));
