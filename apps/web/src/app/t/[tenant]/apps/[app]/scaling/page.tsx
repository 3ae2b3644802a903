import type { Metadata } from "next";
import { ScalingPanel } from "./scaling-panel";

export const metadata: Metadata = { title: "Scaling" };

export default async function ScalingPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <ScalingPanel tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
