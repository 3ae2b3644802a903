import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ConsoleHeader } from "../../../../components/console-header";
import { tenantNamesOf } from "../../../../server/require-user";
import { getSessionUser } from "../../../../server/session";
import { MembersPanel } from "./members-panel";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const name = decodeURIComponent(tenant);
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/tenants/${tenant}/members`)}`);
  return (
    <div className="min-h-screen">
      <ConsoleHeader email={user.email} isPlatformAdmin={user.isPlatformAdmin} tenants={await tenantNamesOf(user)} tenant={name} />
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <p className="text-sm text-slate-500">
          <Link href="/tenants" className="underline">
            Tenants
          </Link>{" "}
          / <span className="font-mono">{name}</span>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Members</h1>
        <MembersPanel tenant={name} myUserId={user.id} />
      </main>
    </div>
  );
}
