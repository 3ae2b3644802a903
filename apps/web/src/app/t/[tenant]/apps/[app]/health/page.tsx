import type { Metadata } from "next";
import { HealthChecksPanel } from "./health-checks-panel";

export const metadata: Metadata = { title: "Health check" };

export default async function HealthCheckPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <HealthChecksPanel tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
