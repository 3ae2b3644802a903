import type { Metadata } from "next";
import { AdminTenantsPanel } from "./admin-tenants-panel";

export const metadata: Metadata = { title: "Tenants (admin)" };

export default function AdminTenantsPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Tenants</h1>
      <p className="mt-1 text-sm text-slate-500">Every tenant of this installation: quotas, and suspension (members can still look, but nothing changes or deploys).</p>
      <AdminTenantsPanel />
    </>
  );
}
