import type { Metadata } from "next";
import { callerFor } from "../../../server/page-caller";
import { requireUser } from "../../../server/require-user";
import { HealthBoard } from "./health-board";

export const metadata: Metadata = { title: "Platform health" };

export default async function PlatformHealthPage() {
  // The layout has checked the user is a platform admin.
  const user = await requireUser("/admin/health");
  // The first render comes with data, through the same procedure the board then polls.
  const initial = await callerFor(user).platform.getHealth();
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Platform health</h1>
      <p className="mt-1 text-sm text-slate-500">The services this Berth installation runs on.</p>
      <HealthBoard initial={initial} />
    </>
  );
}
