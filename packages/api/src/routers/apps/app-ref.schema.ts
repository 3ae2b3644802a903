import { z } from "zod";

/** Names are checked for real by the services (DNS labels); here only their size, so bad names get the service's words. */
export const ZTenantName = z.string().trim().min(1, "Name a tenant.").max(100);
export const ZAppName = z.string().trim().min(1, "Name an app.").max(100);

export const ZAppRefInput = z.object({ tenant: ZTenantName, app: ZAppName });
export type TAppRefInput = z.infer<typeof ZAppRefInput>;
