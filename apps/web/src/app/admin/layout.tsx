import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleHeader } from "../../components/console-header";
import { NavLink } from "../../components/nav-link";
import { requireUser, tenantNamesOf } from "../../server/require-user";

/** The admin panel: platform admins only (anyone else gets a real 403 page). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/admin");
  if (!user.isPlatformAdmin) forbidden();
  return (
    <div className="min-h-screen">
      <ConsoleHeader email={user.email} isPlatformAdmin tenants={await tenantNamesOf(user)} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        <nav className="-mx-2 mb-6 flex gap-1 overflow-x-auto border-b border-slate-200 pb-2" aria-label="Admin">
          <NavLink href="/admin/health" testId="admin-health">Platform health</NavLink>
          <NavLink href="/admin/nodes" testId="admin-nodes">Nodes</NavLink>
          <NavLink href="/admin/tenants" testId="admin-tenants">Tenants</NavLink>
          <NavLink href="/admin/queues" testId="admin-queues">Job queues</NavLink>
          <NavLink href="/admin/registry" testId="admin-registry">Registry</NavLink>
        </nav>
        {children}
      </main>
    </div>
  );
}
