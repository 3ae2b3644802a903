import { requireAppAccess } from "@berth/core/apps/app-scope";
import { followAppEvents } from "@berth/core/console/follow-app-events";
import { getDb } from "../../../../../../../../server/services";
import { plainResponse, sseEvent, sseResponse, streamUser } from "../../../../../../../../server/sse";

export const dynamic = "force-dynamic";

/** The app's deploy state (newest deployment, its status, the serving release) on every change. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; app: string }> }) {
  const { tenant, app } = await params;
  const user = await streamUser(request);
  if (!user) return plainResponse(401, "Sign in to follow this app.");
  const db = getDb();
  let appId: string;
  try {
    appId = (await requireAppAccess(db, { userId: user.id, tenant: decodeURIComponent(tenant), app: decodeURIComponent(app) }, "viewer")).id;
  } catch {
    return plainResponse(404, "No such app.");
  }
  return sseResponse(request, async function* (signal) {
    for await (const e of followAppEvents(db, { appId, signal })) yield sseEvent({ event: "state", data: e });
  });
}
