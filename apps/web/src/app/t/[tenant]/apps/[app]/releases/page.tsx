import type { Metadata } from "next";
import { ReleasesPanel } from "./releases-panel";

export const metadata: Metadata = { title: "Releases" };

export default async function ReleasesPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <ReleasesPanel tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
