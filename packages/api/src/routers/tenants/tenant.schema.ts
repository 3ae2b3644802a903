import { z } from "zod";

/** Sizes only here; the service checks names as DNS labels, so a bad name gets the service's sentence. */
export const ZTenantName = z.string().trim().min(1, "Name a tenant.").max(100, "A tenant name may have at most 30 characters.");
export const ZRole = z.enum(["owner", "admin", "developer", "viewer"], { message: "The role must be owner, admin, developer or viewer." });
export const ZMemberId = z.string().min(1).max(64);
export const ZInviteToken = z.string().min(1, "The invitation link is incomplete.").max(200, "The invitation link is not valid.");

export const ZTenantRefInput = z.object({ tenant: ZTenantName });
export type TTenantRefInput = z.infer<typeof ZTenantRefInput>;
