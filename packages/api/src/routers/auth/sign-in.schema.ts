import { z } from "zod";

/** Shared by the sign-in form and the procedure, so both reject the same input with the same words. */
export const ZSignInInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320, "That email address is too long."),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZSessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  isPlatformAdmin: z.boolean(),
});

export const ZSignInOutput = z.object({
  user: ZSessionUser,
  /** Where the console sends the user next: the health page for platform admins. */
  redirectTo: z.string(),
});
export type TSignInOutput = z.infer<typeof ZSignInOutput>;
