import { z } from "zod";
import { ZRole } from "./tenant.schema";

export const ZListTenantsOutput = z.array(
  z.object({ name: z.string(), role: ZRole, memberCount: z.number().int(), appCount: z.number().int(), createdAt: z.date(),
    suspension: z.object({ at: z.date(), reason: z.string().nullable() }).nullable(),
  }),
);
export type TListTenantsOutput = z.infer<typeof ZListTenantsOutput>;
