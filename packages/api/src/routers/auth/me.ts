import { publicProcedure } from "../../trpc";
import { ZSessionUser } from "./sign-in.schema";

/** The signed-in user, or null: the console asks this to decide what to show, so it never fails. */
export const meProcedure = publicProcedure.output(ZSessionUser.nullable()).query(({ ctx }) => ctx.user);
