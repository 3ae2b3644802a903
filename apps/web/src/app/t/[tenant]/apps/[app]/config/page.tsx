import type { Metadata } from "next";
import { ConfigPanel } from "./config-panel";

export const metadata: Metadata = { title: "Config vars" };

export default async function ConfigPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <ConfigPanel tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
