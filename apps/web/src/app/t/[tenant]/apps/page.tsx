import type { Metadata } from "next";
import { requireUser, tenantsAndRole } from "../../../../server/require-user";
import { AppsPanel } from "./apps-panel";

export const metadata: Metadata = { title: "Apps" };

export default async function AppsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = decodeURIComponent((await params).tenant);
  const user = await requireUser(`/t/${encodeURIComponent(tenant)}/apps`);
  const { current } = await tenantsAndRole(user, tenant);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Apps</h1>
      <p className="mt-1 text-sm text-slate-500">
        Apps of <span className="font-mono">{tenant}</span>, served at &lt;app&gt;.{tenant}. Status refreshes by itself.
      </p>
      <AppsPanel tenant={tenant} canCreate={current?.role !== "viewer"} />
    </>
  );
}
