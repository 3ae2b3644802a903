import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditPanel } from "./audit-panel";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = decodeURIComponent((await params).tenant);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="mt-1 text-sm text-slate-500">Every change in this tenant: who, what, on which object, when, from where and through which interface. Admins and owners only.</p>
      <Suspense>
        <AuditPanel tenant={tenant} />
      </Suspense>
    </>
  );
}
