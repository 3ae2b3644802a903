import { router } from "../../trpc";
import { addDomainProcedure } from "./add-domain";
import { listDomainsProcedure } from "./list-domains";
import { removeDomainProcedure } from "./remove-domain";

export const domainsRouter = router({
  list: listDomainsProcedure,
  add: addDomainProcedure,
  remove: removeDomainProcedure,
});
