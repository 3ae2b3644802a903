import { getDeploymentDetail } from "@berth/core/console/get-deployment";
import { followDeploymentEvents } from "@berth/core/console/follow-deployment-events";
import { getDb } from "../../../../../../../../../server/services";
import { plainResponse, resumeAfter, sseEvent, sseResponse, streamUser } from "../../../../../../../../../server/sse";

export const dynamic = "force-dynamic";

/**
 * A deployment's build and deploy log, live: `line` events carry the line's seq as their id, so a
 * browser that reconnects (Last-Event-ID) gets exactly the lines it missed; `status` events on
 * every change; `end` once it is live, failed or cancelled. Members of the app's tenant only:
 * anyone else gets 404, as for a deployment that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; app: string; id: string }> }) {
  const { tenant, app, id } = await params;
  const user = await streamUser(request);
  if (!user) return plainResponse(401, "Sign in to follow this deployment.");
  const db = getDb();
  try {
    await getDeploymentDetail(db, { userId: user.id, tenant: decodeURIComponent(tenant), app: decodeURIComponent(app), deploymentId: id });
  } catch {
    return plainResponse(404, "No such deployment.");
  }
  const afterSeq = resumeAfter(request);
  return sseResponse(request, async function* (signal) {
    for await (const e of followDeploymentEvents(db, { deploymentId: id, afterSeq, signal })) {
      if (e.type === "line") yield sseEvent({ event: "line", id: e.seq, data: e.line });
      else yield sseEvent({ event: e.type, data: e });
    }
  });
}
