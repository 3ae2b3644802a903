import type { Metadata } from "next";
import { AppOverview } from "./app-overview";

export const metadata: Metadata = { title: "App" };

export default async function AppPage({ params, searchParams }: { params: Promise<{ tenant: string; app: string }>; searchParams: Promise<{ created?: string }> }) {
  const p = await params;
  return <AppOverview tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} justCreated={(await searchParams).created === "1"} />;
}
