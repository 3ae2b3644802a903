import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Brand } from "../../components/brand";
import { safeNextPath } from "../../components/form-styles";
import { getSessionUser, homeFor } from "../../server/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  const user = await getSessionUser();
  if (user) redirect(next ?? homeFor(user));
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Brand />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-lg font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Use the account of this Berth installation.</p>
          <SignInForm next={next} />
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">
          New here?{" "}
          <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"} className="font-medium text-slate-900 underline" data-testid="sign-up-link">
            Create an account
          </Link>
        </p>
      </div>
    </main>
  );
}
