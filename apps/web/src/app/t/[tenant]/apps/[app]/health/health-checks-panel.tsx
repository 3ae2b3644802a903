"use client";

import { FormError } from "../../../../../../components/form-error";
import { cardClass, inputClass, secondaryButtonClass } from "../../../../../../components/form-styles";
import { Empty, Section } from "../../../../../../components/section-states";
import { SubmitButton } from "../../../../../../components/submit-button";
import { PlainError, trpc } from "../../../../../../lib/trpc-client";
import { useAction, useFormAction } from "../../../../../../lib/use-action";
import { useLoad } from "../../../../../../lib/use-load";

type Check = Awaited<ReturnType<typeof trpc.healthChecks.list.query>>[number];

/** How each process type's instances are judged healthy; only healthy instances get traffic. */
export function HealthChecksPanel({ tenant, app }: { tenant: string; app: string }) {
  const checks = useLoad(() => trpc.healthChecks.list.query({ tenant, app }));
  const me = useLoad(() => trpc.console.app.query({ tenant, app }));
  const canChange = me.data ? me.data.myRole !== "viewer" : false;
  return (
    <Section data={checks.data} error={checks.error} loading="Loading health checks…">
      {(list) =>
        list.length === 0 ? (
          <Empty>No process types yet: deploy first.</Empty>
        ) : (
          <div className="space-y-6">
            {list.map((c) => (
              <CheckCard key={c.type} tenant={tenant} app={app} check={c} canChange={canChange} onChanged={() => void checks.reload()} />
            ))}
          </div>
        )
      }
    </Section>
  );
}

function whole(form: FormData, name: string, label: string): number {
  const n = Number(form.get(name));
  if (!Number.isInteger(n) || n < 0) throw new PlainError(`${label}: a whole number.`);
  return n;
}

function CheckCard({ tenant, app, check: c, canChange, onChanged }: { tenant: string; app: string; check: Check; canChange: boolean; onChanged: () => void }) {
  const save = useFormAction(
    async (form) => {
      const path = String(form.get("path") ?? "").trim();
      const body = String(form.get("bodyContains") ?? "").trim();
      await trpc.healthChecks.set.mutate({
        tenant,
        app,
        type: c.type,
        path: path || null,
        expectedStatus: whole(form, "expectedStatus", "Expected status"),
        bodyContains: body || null,
        startPeriodSec: whole(form, "startPeriodSec", "Grace period"),
        intervalSec: whole(form, "intervalSec", "Interval"),
        timeoutSec: whole(form, "timeoutSec", "Timeout"),
        retries: whole(form, "retries", "Retries"),
      });
      onChanged();
      return true;
    },
    { resetOnSuccess: false },
  );
  const reset = useAction(async () => {
    await trpc.healthChecks.set.mutate({ tenant, app, type: c.type, reset: true });
    onChanged();
  });
  const field = (name: keyof Check, label: string, props: Record<string, unknown> = {}) => (
    <label className="text-xs text-slate-600">
      {label}
      <input name={name} defaultValue={(c[name] as string | number | null) ?? ""} disabled={!canChange} className={inputClass} {...props} />
    </label>
  );
  return (
    <section className={cardClass} data-testid={`health-check-${c.type}`}>
      <h2 className="font-mono text-base font-semibold">{c.type}</h2>
      <p className="mt-1 text-sm text-slate-600">
        {c.describes}
        {!c.custom && !c.describes.includes("default") && " (the default)"}
      </p>
      <form onSubmit={save.onSubmit} className="mt-3 grid gap-3 sm:grid-cols-4" noValidate>
        {field("path", "HTTP path (empty: TCP connect)", { placeholder: "/healthz" })}
        {field("expectedStatus", "Expected status", { inputMode: "numeric" })}
        {field("bodyContains", "Body contains", { placeholder: "(anything)" })}
        {field("startPeriodSec", "Grace period (s)", { inputMode: "numeric" })}
        {field("intervalSec", "Interval (s)", { inputMode: "numeric" })}
        {field("timeoutSec", "Timeout (s)", { inputMode: "numeric" })}
        {field("retries", "Failures before unhealthy", { inputMode: "numeric" })}
        {canChange && (
          <div className="flex items-end gap-2">
            <SubmitButton pending={save.pending} label="Save" pendingLabel="Saving…" />
            {c.custom && (
              <button type="button" className={secondaryButtonClass} disabled={reset.pending} onClick={() => void reset.run()}>
                Back to default
              </button>
            )}
          </div>
        )}
      </form>
      <FormError message={save.error ?? reset.error} />
      <p className="mt-2 text-xs text-slate-500">A change applies with a rolling restart; an instance that never passes is not given traffic and the release is rolled back.</p>
    </section>
  );
}
