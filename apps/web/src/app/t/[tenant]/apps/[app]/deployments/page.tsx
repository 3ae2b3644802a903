import type { Metadata } from "next";
import { DeploymentsPanel } from "./deployments-panel";

export const metadata: Metadata = { title: "Deployments" };

export default async function DeploymentsPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <DeploymentsPanel tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
