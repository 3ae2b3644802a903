import type { Metadata } from "next";
import { NotYetAvailable } from "../../../../../../components/not-yet-available";

export const metadata: Metadata = { title: "Health check" };

export default function HealthCheckPage() {
  return (
    <NotYetAvailable
      testId="health-unavailable"
      what="Health-check settings"
      meanwhile="Today a release goes live once its instance answers through the router; a release that never answers is rolled back automatically."
    />
  );
}
