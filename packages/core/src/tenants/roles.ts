import type { Role } from "@berth/db/generated/prisma/enums";

/** Strongest first: a role may do everything the roles after it may do. */
const ORDER: readonly Role[] = ["owner", "admin", "developer", "viewer"];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ORDER.indexOf(role) <= ORDER.indexOf(needed);
}

export type { Role };
