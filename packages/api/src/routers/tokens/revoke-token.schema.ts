import { z } from "zod";

export const ZRevokeTokenInput = z.object({ id: z.string().min(1).max(64) });
export type TRevokeTokenInput = z.infer<typeof ZRevokeTokenInput>;
export const ZRevokeTokenOutput = z.object({ revoked: z.literal(true) });
