"use client";

import { useRouter } from "next/navigation";

/** Switches the whole console to another tenant, keeping the kind of page (apps, members, audit). */
export function TenantSwitcher({ tenants, current }: { tenants: string[]; current: string | null }) {
  const router = useRouter();
  if (tenants.length === 0) return null;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Tenant</span>
      <select
        data-testid="tenant-switcher"
        value={current ?? ""}
        onChange={(e) => {
          const next = e.target.value;
          if (!next) return router.push("/tenants");
          const section = current ? window.location.pathname.split("/")[3] : undefined;
          router.push(`/t/${encodeURIComponent(next)}/${section === "members" || section === "audit" ? section : "apps"}`);
        }}
        className="max-w-[11rem] rounded-lg border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm"
      >
        {!current && <option value="">Choose a tenant…</option>}
        {tenants.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </label>
  );
}
