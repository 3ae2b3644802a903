import { listReleases } from "@berth/core/releases/list-releases";
import { signedInProcedure } from "../../trpc";
import { ZListReleasesInput, ZListReleasesOutput } from "./list-releases.schema";

export const listReleasesProcedure = signedInProcedure
  .input(ZListReleasesInput)
  .output(ZListReleasesOutput)
  .query(({ ctx, input }) => listReleases(ctx.db, { userId: ctx.user.id, ...input }));
