import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsoleHeader } from "../../components/console-header";
import { tenantNamesOf } from "../../server/require-user";
import { getSessionUser } from "../../server/session";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccount } from "./delete-account";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { TokensPanel } from "./tokens-panel";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/account");
  return (
    <div className="min-h-screen">
      <ConsoleHeader email={user.email} isPlatformAdmin={user.isPlatformAdmin} tenants={await tenantNamesOf(user)} />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
          <p className="mt-1 text-sm text-slate-500">Signed in as {user.email}.</p>
        </div>
        <TokensPanel />
        <div className="grid gap-6 lg:grid-cols-2">
          <ChangePasswordForm />
          <SignOutEverywhere />
        </div>
        <DeleteAccount />
      </main>
    </div>
  );
}
