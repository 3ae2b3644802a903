import { z } from "zod";
import { ZAppName, ZTenantName } from "./app-ref.schema";

/** `confirm` repeats the app name, so a slip of the keyboard does not delete an app. */
export const ZDestroyAppInput = z
  .object({ tenant: ZTenantName, app: ZAppName, confirm: z.string() })
  .refine((v) => v.confirm === v.app, { message: "Confirm by repeating the app's name." });
export type TDestroyAppInput = z.infer<typeof ZDestroyAppInput>;

export const ZDestroyAppOutput = z.object({ name: z.string() });
