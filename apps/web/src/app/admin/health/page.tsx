import { createCaller } from "@berth/api/root";
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { Brand } from "../../../components/brand";
import { SignOutButton } from "../../../components/sign-out-button";
import { getConfig, getDb } from "../../../server/services";
import { getSessionUser } from "../../../server/session";
import { HealthBoard } from "./health-board";

export const metadata: Metadata = { title: "Platform health" };

export default async function PlatformHealthPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (!user.isPlatformAdmin) forbidden();

  // The first render comes with data, through the same procedure the board then polls.
  const caller = createCaller({
    db: getDb(),
    config: getConfig(),
    sessionToken: null,
    user,
    ip: null,
    userAgent: null,
    sessionCookie: { set: () => {}, clear: () => {} }, // a page render never signs in or out
  });
  const initial = await caller.platform.getHealth();

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Brand />
          <div className="flex items-center gap-3">
            <span className="hidden text-sm text-slate-500 sm:inline">{user.email}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">Platform health</h1>
        <p className="mt-1 text-sm text-slate-500">The services this Berth installation runs on.</p>
        <HealthBoard initial={initial} />
      </main>
    </div>
  );
}
