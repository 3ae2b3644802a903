import { clientAddress } from "@berth/api/http/client-address";
import { handleGitRequest } from "@berth/git/handle-git-request";
import { getConfig, getDb } from "../../../server/services";

// A push streams build output for minutes: never cached, never statically evaluated, on Node (spawns git).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handler(req: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  try {
    return await handleGitRequest(req, path, { db: getDb(), config: getConfig(), clientAddress: clientAddress(req.headers) });
  } catch (err) {
    console.error(`git ${req.method} ${new URL(req.url).pathname} failed:`, err);
    return new Response("Berth's git endpoint failed; the operator can find the reason in the console's log.\n", {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

export { handler as GET, handler as POST };
