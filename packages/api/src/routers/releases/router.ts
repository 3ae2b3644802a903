import { router } from "../../trpc";
import { listReleasesProcedure } from "./list-releases";
import { rollbackProcedure } from "./rollback";

export const releasesRouter = router({
  list: listReleasesProcedure,
  rollback: rollbackProcedure,
});
