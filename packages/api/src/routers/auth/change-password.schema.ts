import { z } from "zod";

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024, "That password is too long."),
  newPassword: z.string().min(10, "Choose a new password of at least 10 characters.").max(1024, "That password is too long."),
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZChangePasswordOutput = z.object({ sessionsEnded: z.number().int() });
