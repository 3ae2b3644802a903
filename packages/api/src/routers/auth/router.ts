import { router } from "../../trpc";
import { changePasswordProcedure } from "./change-password";
import { meProcedure } from "./me";
import { signInProcedure } from "./sign-in";
import { signOutProcedure } from "./sign-out";
import { signOutEverywhereProcedure } from "./sign-out-everywhere";
import { signUpProcedure } from "./sign-up";

export const authRouter = router({
  signUp: signUpProcedure,
  signIn: signInProcedure,
  signOut: signOutProcedure,
  signOutEverywhere: signOutEverywhereProcedure,
  changePassword: changePasswordProcedure,
  me: meProcedure,
});
