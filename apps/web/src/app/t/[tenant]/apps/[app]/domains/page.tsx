import type { Metadata } from "next";
import { NotYetAvailable } from "../../../../../../components/not-yet-available";

export const metadata: Metadata = { title: "Domains" };

export default function DomainsPage() {
  return <NotYetAvailable testId="domains-unavailable" what="Custom domains" meanwhile="Every app is served at its default address, shown on the Overview tab." />;
}
