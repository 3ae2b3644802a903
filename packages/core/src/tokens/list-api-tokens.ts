import type { DbClient } from "@berth/db/client";
import type { TokenScope } from "./token-scope";

export type ApiTokenState = "active" | "expired" | "revoked";

export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: TokenScope;
  state: ApiTokenState;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** The user's own tokens, newest first. The secret is not stored, so it cannot be listed. */
export async function listApiTokens(db: DbClient, { userId }: { userId: string }): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, scope: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
  });
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt.getTime() <= now ? "expired" : "active",
  }));
}
