import { checkPlatformHealth } from "@berth/core/health/check-platform-health";
import { getConfig, getDb } from "../../../server/services";

export const dynamic = "force-dynamic";

/**
 * Public, for load balancers and monitoring: 200 when every component is healthy, 503 otherwise.
 * The worker heartbeat is left out; it is admin detail, not a liveness signal.
 */
export async function GET(): Promise<Response> {
  const { ok, checkedAt, components } = await checkPlatformHealth({ config: getConfig(), db: getDb() });
  return Response.json({ ok, checkedAt, components }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
