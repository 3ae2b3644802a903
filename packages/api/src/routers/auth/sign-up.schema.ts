import { z } from "zod";
import { ZSessionUser } from "./sign-in.schema";

/** Shared by the sign-up form and the procedure; the service checks the same rules again for other callers. */
export const ZSignUpInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320, "That email address is too long.").email("Enter a valid email address."),
  password: z.string().min(10, "Choose a password of at least 10 characters.").max(1024, "That password is too long."),
  name: z.string().trim().max(100, "A name may have at most 100 characters.").optional(),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignUpOutput = z.object({ user: ZSessionUser, redirectTo: z.string() });
export type TSignUpOutput = z.infer<typeof ZSignUpOutput>;
