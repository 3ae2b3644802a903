"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Card } from "../../../../components/card";
import { Field } from "../../../../components/field";
import { FormError } from "../../../../components/form-error";
import { cardClass, inputClass } from "../../../../components/form-styles";
import { Empty, Section } from "../../../../components/section-states";
import { StatusBadge } from "../../../../components/status-badge";
import { SubmitButton } from "../../../../components/submit-button";
import { formatAgo } from "../../../../lib/format";
import { trpc } from "../../../../lib/trpc-client";
import { field, useFormAction } from "../../../../lib/use-action";
import { useTenantEvents } from "../../../../lib/use-app-events";
import { useLoad } from "../../../../lib/use-load";

export function AppsPanel({ tenant, canCreate }: { tenant: string; canCreate: boolean }) {
  const router = useRouter();
  // Deploy state changes arrive as events; the slow refresh catches runtime changes (instances).
  const apps = useLoad(() => trpc.console.apps.query({ tenant }), { refreshMs: 10_000 });
  useTenantEvents(tenant, () => void apps.reload());
  const create = useFormAction(async (form) => {
    const created = await trpc.apps.create.mutate({ tenant, name: field(form, "name") });
    router.push(`/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(created.name)}?created=1`);
    return created;
  });
  const base = `/t/${encodeURIComponent(tenant)}/apps`;

  return (
    <div className={`mt-6 grid gap-6 ${canCreate ? "lg:grid-cols-[2fr_1fr]" : ""}`}>
      <section className={cardClass} aria-label="Apps">
        <Section data={apps.data} error={apps.error} loading="Loading apps…">
          {(list) =>
            list.length === 0 ? (
              <Empty testId="apps-empty">No apps yet.{canCreate ? " Create one, then push to it with git." : " A developer of this tenant can create one."}</Empty>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="app-list">
                {list.map((a) => (
                  <li key={a.name} data-testid={`app-${a.name}`} data-status={a.status} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <Link href={`${base}/${encodeURIComponent(a.name)}`} className="font-mono text-sm font-semibold text-slate-900 underline-offset-2 hover:underline">
                        {a.name}
                      </Link>
                      <p className="truncate text-xs text-slate-500">
                        {a.currentRelease ? `v${a.currentRelease.version} · ${a.currentRelease.description} · ${formatAgo(a.currentRelease.createdAt)}` : "no release yet"}
                        {a.instances && a.currentRelease ? ` · ${a.instances.running}/${a.instances.desired} running` : ""}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      {a.lastDeployFailed && <span className="text-xs text-red-700">last deploy failed</span>}
                      <StatusBadge status={a.status} testId={`app-status-${a.name}`} />
                      {a.currentRelease && (
                        <a href={a.webUrl} target="_blank" rel="noreferrer" className="truncate text-xs text-slate-600 underline">
                          {a.webUrl.replace(/^https?:\/\//, "")}
                        </a>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </Section>
      </section>
      {canCreate && (
        <Card id="new-app" title="Create an app">
          <form onSubmit={create.onSubmit} className="mt-3 space-y-3" noValidate data-testid="create-app-form">
            <Field id="app-name" label="App name" hint="Lower-case letters, digits and hyphens. It becomes part of the app's address.">
              <input id="app-name" name="name" required maxLength={63} autoComplete="off" placeholder="hello" className={`${inputClass} font-mono`} />
            </Field>
            <FormError message={create.error} testId="create-app-error" />
            <SubmitButton pending={create.pending} label="Create app" pendingLabel="Creating…" className="w-full" />
          </form>
        </Card>
      )}
    </div>
  );
}
