import type { DbClient } from "@berth/db/client";

/** Ends every browser session of the user (a lost laptop, a shared computer). API tokens are revoked one by one on purpose. */
export async function signOutEverywhere(db: DbClient, { userId }: { userId: string }): Promise<{ sessionsEnded: number }> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return { sessionsEnded: count };
}
