import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsoleHeader } from "../../components/console-header";
import { tenantNamesOf } from "../../server/require-user";
import { getSessionUser } from "../../server/session";
import { TenantsPanel } from "./tenants-panel";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/tenants");
  return (
    <div className="min-h-screen">
      <ConsoleHeader email={user.email} isPlatformAdmin={user.isPlatformAdmin} tenants={await tenantNamesOf(user)} />
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">Tenants</h1>
        <p className="mt-1 text-sm text-slate-500">Your teams. Apps live in a tenant and are served at &lt;app&gt;.&lt;tenant&gt;.</p>
        <TenantsPanel />
      </main>
    </div>
  );
}
