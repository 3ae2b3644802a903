import { z } from "zod";
import { ZAppName, ZTenantName } from "../apps/app-ref.schema";

export { ZAppRefInput as ZListDomainsInput } from "../apps/app-ref.schema";

/** Only the size here; the domain service checks the name for real, so a bad one gets its words. */
export const ZHostname = z.string().trim().min(1, "Enter a hostname, e.g. www.example.com.").max(300, "A hostname may have at most 253 characters.");

export const ZDomain = z.object({
  hostname: z.string(),
  /** Where the app answers under it: plain HTTP on the router's port. */
  url: z.string(),
  createdAt: z.date(),
});
export const ZListDomainsOutput = z.array(ZDomain);

export const ZAddDomainInput = z.object({ tenant: ZTenantName, app: ZAppName, hostname: ZHostname });
export type TAddDomainInput = z.infer<typeof ZAddDomainInput>;

export const ZRemoveDomainInput = ZAddDomainInput;
export type TRemoveDomainInput = z.infer<typeof ZRemoveDomainInput>;
export const ZRemoveDomainOutput = z.object({ hostname: z.string() });
