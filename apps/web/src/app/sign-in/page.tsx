import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Brand } from "../../components/brand";
import { getSessionUser, homeFor } from "../../server/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const user = await getSessionUser();
  if (user) redirect(homeFor(user));
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Brand />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-lg font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Use the account of this Berth installation.</p>
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
