import { followTenantEvents } from "@berth/core/console/follow-tenant-events";
import { requireTenantRole } from "@berth/core/tenants/tenant-access";
import { getDb } from "../../../../../../server/services";
import { plainResponse, sseEvent, sseResponse, streamUser } from "../../../../../../server/sse";

export const dynamic = "force-dynamic";

/** A `changed` event whenever any app of the tenant changes its deploy state; members only (else 404). */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const user = await streamUser(request);
  if (!user) return plainResponse(401, "Sign in to follow this tenant.");
  const db = getDb();
  let tenantId: string;
  try {
    tenantId = (await requireTenantRole(db, { userId: user.id, tenant: decodeURIComponent(tenant) }, "viewer")).tenantId;
  } catch {
    return plainResponse(404, "No such tenant.");
  }
  return sseResponse(request, async function* (signal) {
    for await (const e of followTenantEvents(db, { tenantId, signal })) yield sseEvent({ event: "changed", data: e });
  });
}
