import type { Metadata } from "next";
import { BuildSettingsPanel } from "./build-settings-panel";

export const metadata: Metadata = { title: "Build settings" };

export default async function BuildPage({ params }: { params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  return <BuildSettingsPanel tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} />;
}
