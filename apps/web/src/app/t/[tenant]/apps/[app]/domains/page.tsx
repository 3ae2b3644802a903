import type { Metadata } from "next";
import { DomainsPanel } from "./domains-panel";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <DomainsPanel tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
