import type { Metadata } from "next";
import { RegistryPanel } from "./registry-panel";

export const metadata: Metadata = { title: "Registry" };

export default function RegistryPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Registry usage</h1>
      <p className="mt-1 text-sm text-slate-500">Images in Berth&apos;s registry, by repository (&lt;tenant&gt;/&lt;app&gt;), largest first. Sizes are compressed layers; shared layers count once in the total.</p>
      <RegistryPanel />
    </>
  );
}
