import { z } from "zod";

export const ZDeleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password to confirm.").max(1024, "That password is too long."),
});
export type TDeleteAccountInput = z.infer<typeof ZDeleteAccountInput>;

export const ZDeleteAccountOutput = z.object({ tenantsDeleted: z.array(z.string()) });
export type TDeleteAccountOutput = z.infer<typeof ZDeleteAccountOutput>;
