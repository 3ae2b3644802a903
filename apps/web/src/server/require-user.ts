import type { SessionUser } from "@berth/core/auth/sessions";
import { listTenants } from "@berth/core/tenants/list-tenants";
import { redirect } from "next/navigation";
import { getDb } from "./services";
import { getSessionUser } from "./session";

/** The signed-in user, or a trip to sign-in that comes back to `here`. */
export async function requireUser(here: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  return user;
}

/** The names of the user's tenants, for the switcher. */
export async function tenantNamesOf(user: SessionUser): Promise<string[]> {
  return (await listTenants(getDb(), { userId: user.id })).map((t) => t.name);
}

/** The user's tenants with their role in each, and the one named (null when they are not in it). */
export async function tenantsAndRole(user: SessionUser, tenant: string) {
  const all = await listTenants(getDb(), { userId: user.id });
  return { names: all.map((t) => t.name), current: all.find((t) => t.name === tenant) ?? null };
}
