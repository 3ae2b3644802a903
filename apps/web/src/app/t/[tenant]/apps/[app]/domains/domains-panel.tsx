"use client";

import { Card } from "../../../../../../components/card";
import { Field } from "../../../../../../components/field";
import { ConfirmButton } from "../../../../../../components/confirm-button";
import { FormError } from "../../../../../../components/form-error";
import { inputClass } from "../../../../../../components/form-styles";
import { Empty, Section } from "../../../../../../components/section-states";
import { SubmitButton } from "../../../../../../components/submit-button";
import { trpc } from "../../../../../../lib/trpc-client";
import { field, useAction, useFormAction } from "../../../../../../lib/use-action";
import { useLoad } from "../../../../../../lib/use-load";

/** Admins and owners manage domains (issue 4's roles); everyone else in the tenant sees them. */
const MANAGES_DOMAINS = new Set(["owner", "admin"]);

export function DomainsPanel({ tenant, app }: { tenant: string; app: string }) {
  const domains = useLoad(() => trpc.domains.list.query({ tenant, app }));
  const me = useLoad(() => trpc.console.app.query({ tenant, app }));
  const canChange = me.data ? MANAGES_DOMAINS.has(me.data.myRole) : false;

  const add = useFormAction(async (form) => {
    const added = await trpc.domains.add.mutate({ tenant, app, hostname: field(form, "hostname") });
    await domains.reload();
    return added;
  });
  const remove = useAction(async (hostname: string) => {
    await trpc.domains.remove.mutate({ tenant, app, hostname });
    await domains.reload();
  });

  return (
    <div className="space-y-6">
      <Card id="domains-heading" title="Custom domains">
        <p className="mt-1 text-sm text-slate-500">
          The app also answers under these names, besides its default address. Point each name&apos;s DNS at this Berth. They are served over plain HTTP
          on the router&apos;s port; for HTTPS, put a TLS-terminating proxy or load balancer in front.
        </p>
        <FormError message={remove.error} testId="remove-domain-error" />
        <Section data={domains.data} error={domains.error} loading="Loading domains…">
          {(list) =>
            list.length === 0 ? (
              <Empty testId="domains-empty">No custom domains yet.</Empty>
            ) : (
              <ul className="mt-3 divide-y divide-slate-100" data-testid="domains-list">
                {list.map((d) => (
                  <li key={d.hostname} data-testid={`domain-${d.hostname}`} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                    <a href={d.url} className="min-w-0 truncate font-mono text-sm font-medium text-sky-700 hover:underline" target="_blank" rel="noreferrer">
                      {d.hostname}
                    </a>
                    {canChange && (
                      <ConfirmButton
                        label="Remove"
                        question={`Stop serving ${app} at ${d.hostname}?`}
                        confirmLabel="Remove domain"
                        pending={remove.pending}
                        onConfirm={async () => void (await remove.run(d.hostname))}
                        testId={`remove-domain-${d.hostname}`}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </Section>
      </Card>
      {me.data && !canChange && (
        <p className="text-sm text-slate-500" data-testid="domains-readonly-note">
          Your role here ({me.data.myRole}) can see the domains; admins and owners add and remove them.
        </p>
      )}
      {canChange && (
        <Card id="add-domain" title="Add a domain">
          <form onSubmit={add.onSubmit} className="mt-3 space-y-3" noValidate data-testid="add-domain-form">
            <Field id="domain-hostname" label="Hostname">
              <input id="domain-hostname" name="hostname" required maxLength={300} autoComplete="off" placeholder="www.example.com" className={`${inputClass} font-mono`} />
            </Field>
            <FormError message={add.error} testId="add-domain-error" />
            <SubmitButton pending={add.pending} label="Add domain" pendingLabel="Adding…" />
          </form>
        </Card>
      )}
    </div>
  );
}
