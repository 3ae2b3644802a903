import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "../../../../server/require-user";
import { MembersPanel } from "../../../tenants/[tenant]/members/members-panel";

export const metadata: Metadata = { title: "Members" };

export default async function TenantMembersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = decodeURIComponent((await params).tenant);
  const user = await requireUser(`/t/${encodeURIComponent(tenant)}/members`);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
      <p className="mt-1 text-sm text-slate-500">
        Who is in <span className="font-mono">{tenant}</span>, with which role, and open invitations. API tokens are personal: make them on your{" "}
        <Link href="/account" className="underline">
          account page
        </Link>
        .
      </p>
      <MembersPanel tenant={tenant} myUserId={user.id} />
    </>
  );
}
