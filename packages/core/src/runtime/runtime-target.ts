import type { DbClient } from "@berth/db/client";
import { appNotFound, type AppRef, requireAppAccess } from "../apps/app-scope";
import type { Role } from "../tenants/roles";
import { processTypesOf } from "./process-plan";

export interface RuntimeTarget {
  id: string;
  name: string;
  tenant: { id: string; name: string };
  stoppedAt: Date | null;
  crashedAt: Date | null;
  crashReason: string | null;
  /** The release that serves (null before the first deploy). */
  release: { id: string; version: number; status: string; imageDigest: string; processTypes: Record<string, string | null> } | null;
}

/**
 * The app a runtime command acts on, for a member with at least `needed` (NOT_FOUND for anyone
 * outside the tenant: the membership is part of the query), with its current release's process types.
 */
export async function loadRuntimeTarget(db: DbClient, ref: AppRef, needed: Role): Promise<RuntimeTarget> {
  const { id } = await requireAppAccess(db, ref, needed);
  const row = await db.app.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      stoppedAt: true,
      crashedAt: true,
      crashReason: true,
      tenant: { select: { id: true, name: true } },
      currentRelease: { select: { id: true, version: true, status: true, imageDigest: true, processTypes: true } },
    },
  });
  if (!row) throw appNotFound(ref);
  const { currentRelease, ...rest } = row;
  return { ...rest, release: currentRelease ? { ...currentRelease, processTypes: processTypesOf(currentRelease.processTypes) } : null };
}

/** The process types a command may name: the current release's, or `web` before the first deploy. */
export function knownTypes(target: RuntimeTarget): string[] {
  return Object.keys(target.release?.processTypes ?? { web: null });
}
