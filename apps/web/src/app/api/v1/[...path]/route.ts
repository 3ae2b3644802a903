import { handleRestRequest } from "@berth/api/rest/handle-rest-request";
import { getConfig, getDb } from "../../../../server/services";

export const dynamic = "force-dynamic";

function handler(req: Request): Promise<Response> {
  return handleRestRequest(req, { db: getDb(), config: getConfig(), basePath: "/api/v1" });
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
