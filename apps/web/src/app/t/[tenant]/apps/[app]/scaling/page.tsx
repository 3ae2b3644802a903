import type { Metadata } from "next";
import { NotYetAvailable } from "../../../../../../components/not-yet-available";

export const metadata: Metadata = { title: "Scaling" };

export default function ScalingPage() {
  return <NotYetAvailable testId="scaling-unavailable" what="Scaling per process type" meanwhile="Every app runs one web instance; the Overview tab shows it and its state." />;
}
