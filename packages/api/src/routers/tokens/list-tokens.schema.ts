import { z } from "zod";
import { ZTokenScope } from "./create-token.schema";

export const ZListTokensOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    scope: ZTokenScope,
    state: z.enum(["active", "expired", "revoked"]),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    expiresAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  }),
);
export type TListTokensOutput = z.infer<typeof ZListTokensOutput>;
