"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { Card } from "../../components/card";
import { Field } from "../../components/field";
import { FormError } from "../../components/form-error";
import { inputClass } from "../../components/form-styles";
import { SubmitButton } from "../../components/submit-button";
import { field, useFormAction } from "../../lib/use-action";
import { isUnauthorized, trpc, userMessageOf } from "../../lib/trpc-client";

/** The wire shape: dates arrive as ISO strings, the link has no transformer. */
type TListTenantsOutput = Awaited<ReturnType<typeof trpc.tenants.list.query>>;

export function TenantsPanel() {
  const [tenants, setTenants] = useState<TListTenantsOutput | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTenants(await trpc.tenants.list.query());
      setLoadError(null);
    } catch (e) {
      if (isUnauthorized(e)) window.location.assign("/sign-in?next=/tenants");
      else setLoadError(userMessageOf(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const { onSubmit: onCreate, pending, error: createError } = useFormAction(async (form) => {
    const created = await trpc.tenants.create.mutate({ name: field(form, "name") });
    await load();
    return created;
  });

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card id="my-tenants" title="My tenants">
        <FormError message={loadError} />
        {tenants === null && !loadError && <p className="mt-3 text-sm text-slate-500">Loading…</p>}
        {tenants?.length === 0 && <p className="mt-3 text-sm text-slate-500" data-testid="tenants-empty">You are not in any tenant yet. Create one, or ask for an invitation.</p>}
        {tenants && tenants.length > 0 && (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="tenant-list">
            {tenants.map((t) => (
              <li key={t.name} data-testid={`tenant-${t.name}`} data-role={t.role} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-mono text-sm font-medium">{t.name}</p>
                  <p className="text-xs text-slate-500">
                    {t.memberCount} member{t.memberCount === 1 ? "" : "s"} · {t.appCount} app{t.appCount === 1 ? "" : "s"}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t.role}</span>
                  <Link href={`/t/${encodeURIComponent(t.name)}/apps`} className="text-sm font-medium text-slate-900 underline" data-testid={`open-${t.name}`}>
                    Open
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="new-tenant" title="Create a tenant">
        <form onSubmit={onCreate} className="mt-3 space-y-3" noValidate data-testid="create-tenant-form">
          <Field id="tenant-name" label="Name" hint="Lower-case letters, digits and hyphens; at most 30 characters.">
            <input id="tenant-name" name="name" required maxLength={30} autoComplete="off" placeholder="my-team" className={`${inputClass} font-mono`} />
          </Field>
          <FormError message={createError} testId="create-tenant-error" />
          <SubmitButton pending={pending} label="Create tenant" pendingLabel="Creating…" className="w-full" />
        </form>
      </Card>
    </div>
  );
}
