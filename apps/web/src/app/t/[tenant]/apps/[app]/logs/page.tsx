import type { Metadata } from "next";
import { RuntimeLogs } from "./runtime-logs";

export const metadata: Metadata = { title: "Logs" };

export default async function LogsPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <RuntimeLogs tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
