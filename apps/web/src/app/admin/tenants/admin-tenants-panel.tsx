"use client";

import { useState } from "react";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormError } from "../../../components/form-error";
import { cardClass, inputClass, secondaryButtonClass } from "../../../components/form-styles";
import { Empty, Section } from "../../../components/section-states";
import { StatusBadge } from "../../../components/status-badge";
import { SubmitButton } from "../../../components/submit-button";
import { formatDateTime } from "../../../lib/format";
import { PlainError, trpc } from "../../../lib/trpc-client";
import { useAction, useFormAction } from "../../../lib/use-action";
import { useLoad } from "../../../lib/use-load";

type Tenant = Awaited<ReturnType<typeof trpc.admin.listTenants.query>>[number];
const QUOTA_FIELDS = [
  { key: "maxApps", label: "Apps" },
  { key: "maxReplicas", label: "Replicas in total" },
  { key: "maxCpuPerInstance", label: "CPUs per instance" },
  { key: "maxMemoryMbPerInstance", label: "Memory per instance (MB)" },
] as const;

export function AdminTenantsPanel() {
  const tenants = useLoad(() => trpc.admin.listTenants.query());
  return (
    <div className="mt-6">
      <Section data={tenants.data} error={tenants.error} loading="Loading tenants…">
        {(list) =>
          list.length === 0 ? (
            <Empty>No tenants.</Empty>
          ) : (
            <div className="space-y-4" data-testid="admin-tenant-list">
              {list.map((t) => (
                <TenantCard key={t.name} tenant={t} onChanged={() => void tenants.reload()} />
              ))}
            </div>
          )
        }
      </Section>
    </div>
  );
}

function TenantCard({ tenant: t, onChanged }: { tenant: Tenant; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState("");
  const suspend = useAction(async () => {
    await trpc.admin.suspendTenant.mutate({ tenant: t.name, reason });
    onChanged();
  });
  const resume = useAction(async () => {
    await trpc.admin.resumeTenant.mutate({ tenant: t.name });
    onChanged();
  });
  const quota = useFormAction(
    async (form) => {
      const values: Record<string, number | null> = {};
      for (const f of QUOTA_FIELDS) {
        const raw = String(form.get(f.key) ?? "").trim();
        const n = Number(raw);
        if (raw && (!Number.isFinite(n) || n <= 0)) throw new PlainError(`${f.label}: enter a positive number, or leave it empty for no limit.`);
        values[f.key] = raw ? n : null;
      }
      await trpc.admin.setTenantQuota.mutate({ tenant: t.name, ...values });
      setEditing(false);
      onChanged();
      return true;
    },
    { resetOnSuccess: false },
  );
  return (
    <section className={cardClass} data-testid={`admin-tenant-${t.name}`} data-suspended={t.suspendedAt ? "true" : "false"}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-mono text-base font-semibold">{t.name}</h2>
        <StatusBadge status={t.suspendedAt ? "stopped" : "live"} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {t.memberCount} member(s) · {t.appCount} app(s) · owners: {t.owners.join(", ") || "none"} · created {formatDateTime(t.createdAt)}
      </p>
      {t.suspendedAt && (
        <p className="mt-2 text-sm text-amber-800">
          Suspended {formatDateTime(t.suspendedAt)}
          {t.suspendedReason ? `: ${t.suspendedReason}` : ""}
        </p>
      )}
      <p className="mt-2 text-sm">
        Quotas:{" "}
        {QUOTA_FIELDS.map((f) => `${f.label} ${t.quota[f.key] ?? "unlimited"}`).join(" · ")}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => setEditing((e) => !e)}>
          {editing ? "Cancel" : "Edit quotas"}
        </button>
        {t.suspendedAt ? (
          <ConfirmButton label="Resume" question={`Let ${t.name} deploy and change again?`} confirmLabel="Resume" pending={resume.pending} onConfirm={() => resume.run()} className={secondaryButtonClass} testId={`resume-${t.name}`} />
        ) : (
          <>
            <input aria-label={`Reason to suspend ${t.name}`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (shown to members)" maxLength={500} className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm" />
            <ConfirmButton label="Suspend" question={`Suspend ${t.name}? Its members can look but not deploy or change anything.`} confirmLabel="Suspend" pending={suspend.pending} onConfirm={() => suspend.run()} testId={`suspend-${t.name}`} />
          </>
        )}
      </div>
      <FormError message={suspend.error ?? resume.error} />
      {editing && (
        <form onSubmit={quota.onSubmit} className="mt-3 grid gap-3 sm:grid-cols-4" noValidate>
          {QUOTA_FIELDS.map((f) => (
            <label key={f.key} className="text-xs text-slate-600">
              {f.label}
              <input name={f.key} defaultValue={t.quota[f.key] ?? ""} inputMode="decimal" placeholder="unlimited" className={inputClass} />
            </label>
          ))}
          <div className="sm:col-span-4">
            <FormError message={quota.error} />
            <SubmitButton pending={quota.pending} label="Save quotas" pendingLabel="Saving…" className="mt-2" />
          </div>
        </form>
      )}
    </section>
  );
}
