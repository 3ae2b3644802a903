import type { DbClient } from "@berth/db/client";

/**
 * The process types a build's release runs (Release.processTypes), from the plan recorded at build
 * time: the Procfile's types without `release`; {} = one `web` process running the image's command.
 */
export async function buildProcessTypes(db: DbClient, deploymentId: string): Promise<Record<string, string>> {
  const row = await db.deployment.findUnique({ where: { id: deploymentId }, select: { buildPlan: true } });
  const types = (row?.buildPlan as { processTypes?: unknown } | null | undefined)?.processTypes;
  if (!types || typeof types !== "object" || Array.isArray(types)) return {};
  return Object.fromEntries(Object.entries(types).filter((e): e is [string, string] => typeof e[1] === "string"));
}
