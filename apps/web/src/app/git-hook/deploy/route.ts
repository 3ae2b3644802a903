import { handleHookDeploy } from "@berth/git/hook-deploy";
import { getConfig, getDb } from "../../../server/services";

// The pre-receive hook of a push in progress calls back here over loopback with the one-time secret
// the git route gave it; the answer streams the deployment's log until it is live or failed.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  try {
    return await handleHookDeploy(req, { db: getDb(), config: getConfig() });
  } catch (err) {
    console.error("git hook deploy failed:", err);
    return new Response("Berth's deploy hook endpoint failed; the operator can find the reason in the console's log.\n", {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
