import { router } from "../../trpc";
import { changePasswordProcedure } from "./change-password";
import { deleteAccountProcedure } from "./delete-account";
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
  deleteAccount: deleteAccountProcedure,
  me: meProcedure,
});
