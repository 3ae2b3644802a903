import type { Metadata } from "next";
import { NotYetAvailable } from "../../../../../../components/not-yet-available";

export const metadata: Metadata = { title: "Logs" };

export default function LogsPage() {
  return <NotYetAvailable testId="logs-unavailable" what="Runtime logs" meanwhile="Build and deploy logs are on the Deployments tab, kept for every deployment." />;
}
