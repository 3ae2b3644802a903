import { handleTrpcRequest } from "@berth/api/http/handle-trpc-request";
import { getConfig, getDb } from "../../../../server/services";

export const dynamic = "force-dynamic";

function handler(req: Request): Promise<Response> {
  return handleTrpcRequest(req, { db: getDb(), config: getConfig(), endpoint: "/api/trpc" });
}

export { handler as GET, handler as POST };
