import type { Metadata } from "next";
import { DeploymentView } from "./deployment-view";

export const metadata: Metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: { params: Promise<{ tenant: string; app: string; id: string }> }) {
  const p = await params;
  return <DeploymentView tenant={decodeURIComponent(p.tenant)} app={decodeURIComponent(p.app)} deploymentId={p.id} />;
}
