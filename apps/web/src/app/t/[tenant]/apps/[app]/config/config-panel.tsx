"use client";

import { useState } from "react";
import { Card } from "../../../../../../components/card";
import { Field } from "../../../../../../components/field";
import { ConfirmButton } from "../../../../../../components/confirm-button";
import { DeploymentLog } from "../../../../../../components/deployment-log";
import { FormError } from "../../../../../../components/form-error";
import { cardClass, inputClass, secondaryButtonClass } from "../../../../../../components/form-styles";
import { Empty, Section } from "../../../../../../components/section-states";
import { SubmitButton } from "../../../../../../components/submit-button";
import { parseDotenv } from "../../../../../../lib/parse-dotenv";
import { PlainError, trpc } from "../../../../../../lib/trpc-client";
import { field, useAction, useFormAction } from "../../../../../../lib/use-action";
import { useLoad } from "../../../../../../lib/use-load";

export function ConfigPanel({ tenant, app }: { tenant: string; app: string }) {
  const masked = useLoad(() => trpc.config.list.query({ tenant, app, reveal: false }));
  const me = useLoad(() => trpc.console.app.query({ tenant, app }));
  const [revealed, setRevealed] = useState<Record<string, string> | null>(null);
  const [following, setFollowing] = useState<{ deploymentId: string; description: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const canChange = me.data ? me.data.myRole !== "viewer" : false;

  async function apply(change: { set?: Record<string, string>; unset?: string[] }) {
    const result = await trpc.config.set.mutate({ tenant, app, set: change.set ?? {}, unset: change.unset ?? [] });
    setRevealed(null);
    await masked.reload();
    if (result.deploymentId) setFollowing({ deploymentId: result.deploymentId, description: result.description });
    setNote(result.changed ? (result.deploymentId ? null : `${result.description}. It takes effect with the first deploy.`) : "Nothing changed: the values were already set.");
    return result;
  }
  const reveal = useAction(async () => setRevealed(await trpc.config.list.query({ tenant, app, reveal: true })));
  const remove = useAction((key: string) => apply({ unset: [key] }));
  const setOne = useFormAction((form) => apply({ set: { [field(form, "key")]: String(form.get("value") ?? "") } }));
  const bulk = useFormAction(async (form) => {
    const { vars, bad } = parseDotenv(String(form.get("env") ?? ""));
    if (bad.length) throw new PlainError(`Line ${bad[0]!.line} is not KEY=value: "${bad[0]!.text.slice(0, 60)}". Fix or remove it and paste again.`);
    if (!Object.keys(vars).length) throw new PlainError("Paste at least one KEY=value line.");
    return apply({ set: vars });
  });

  return (
    <div className="space-y-6">
      {following && (
        <Card
          id="config-progress"
          title={<>{following.description}: new release</>}
          testId="config-progress"
          action={
            <button type="button" className={secondaryButtonClass} onClick={() => setFollowing(null)}>
              Hide
            </button>
          }
        >
          <div className="mt-3">
            <DeploymentLog tenant={tenant} app={app} deploymentId={following.deploymentId} />
          </div>
        </Card>
      )}
      {note && (
        <p role="status" className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
          {note}
        </p>
      )}
      <section className={cardClass} aria-labelledby="vars">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="vars" className="text-base font-semibold">
            Config vars
          </h2>
          {canChange &&
            (revealed ? (
              <button type="button" className={secondaryButtonClass} onClick={() => setRevealed(null)} data-testid="hide-values">
                Hide values
              </button>
            ) : (
              <button type="button" className={secondaryButtonClass} onClick={() => void reveal.run()} disabled={reveal.pending} data-testid="reveal-values">
                {reveal.pending ? "Revealing…" : "Reveal values"}
              </button>
            ))}
        </div>
        <p className="mt-1 text-sm text-slate-500">
          Given to the app as environment variables. Stored encrypted; shown masked until you reveal them. Every change makes a new release without a rebuild.
        </p>
        <FormError message={reveal.error ?? remove.error} />
        <Section data={masked.data} error={masked.error} loading="Loading config vars…">
          {(vars) =>
            Object.keys(vars).length === 0 ? (
              <Empty testId="config-empty">No config vars.</Empty>
            ) : (
              <ul className="mt-3 divide-y divide-slate-100" data-testid="config-list">
                {Object.keys(vars).map((key) => (
                  <li key={key} data-testid={`config-${key}`} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                    <span className="font-mono text-sm font-medium">{key}</span>
                    <span className="flex min-w-0 items-center gap-2">
                      <code className="min-w-0 truncate rounded bg-slate-100 px-2 py-0.5 font-mono text-xs" data-testid={`config-value-${key}`}>
                        {revealed ? revealed[key] : vars[key]}
                      </code>
                      {canChange && (
                        <ConfirmButton label="Remove" question={`Remove ${key}? The app restarts without it.`} confirmLabel="Remove" pending={remove.pending} onConfirm={async () => void (await remove.run(key))} testId={`unset-${key}`} />
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Section>
      </section>
      {me.data?.myRole === "viewer" && <p className="text-sm text-slate-500" data-testid="viewer-note">You are a viewer here: you can see which vars exist, not their values, and cannot change them.</p>}
      {canChange && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card id="set-var" title="Set a var">
            <form onSubmit={setOne.onSubmit} className="mt-3 space-y-3" noValidate data-testid="set-config-form">
              <Field id="config-key" label="Key">
                <input id="config-key" name="key" required maxLength={200} autoComplete="off" placeholder="GREETING" className={`${inputClass} font-mono`} />
              </Field>
              <Field id="config-value" label="Value">
                <input id="config-value" name="value" autoComplete="off" className={`${inputClass} font-mono`} />
              </Field>
              <FormError message={setOne.error} testId="set-config-error" />
              <SubmitButton pending={setOne.pending} label="Set and release" pendingLabel="Releasing…" />
            </form>
          </Card>
          <Card id="paste-env" title="Paste a .env file">
            <form onSubmit={bulk.onSubmit} className="mt-3 space-y-3" noValidate data-testid="bulk-config-form">
              <Field id="config-env" label="KEY=value lines" hint="All of them go into one release. Existing keys are overwritten; others are kept.">
                <textarea id="config-env" name="env" rows={6} spellCheck={false} className={`${inputClass} font-mono`} placeholder={"DATABASE_URL=postgres://…\nGREETING=hi"} />
              </Field>
              <FormError message={bulk.error} testId="bulk-config-error" />
              <SubmitButton pending={bulk.pending} label="Set all and release" pendingLabel="Releasing…" />
            </form>
          </Card>
        </div>
      )}
    </div>
  );
}
