import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleHeader } from "../../../components/console-header";
import { requireUser, tenantsAndRole } from "../../../server/require-user";

/**
 * Every page of one tenant: /t/<tenant>/… . A tenant the user is not a member of is a 404, the
 * same answer as a tenant that does not exist, so names cannot be probed.
 */
export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const tenant = decodeURIComponent((await params).tenant);
  const user = await requireUser(`/t/${encodeURIComponent(tenant)}/apps`);
  const { names, current } = await tenantsAndRole(user, tenant);
  if (!current) notFound();
  return (
    <div className="min-h-screen">
      <ConsoleHeader email={user.email} isPlatformAdmin={user.isPlatformAdmin} tenants={names} tenant={tenant} />
      {current.suspension && (
        <div role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900" data-testid="tenant-suspended">
          This tenant is suspended by a platform admin{current.suspension.reason ? `: ${current.suspension.reason}` : ""}. You can look, but deploys and changes are refused
          until it is resumed.
        </div>
      )}
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
