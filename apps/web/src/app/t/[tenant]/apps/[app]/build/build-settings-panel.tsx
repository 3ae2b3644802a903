"use client";

import { useState } from "react";
import { Card } from "../../../../../../components/card";
import { FormError } from "../../../../../../components/form-error";
import { inputClass, labelClass } from "../../../../../../components/form-styles";
import { Section } from "../../../../../../components/section-states";
import { SubmitButton } from "../../../../../../components/submit-button";
import { trpc } from "../../../../../../lib/trpc-client";
import { useFormAction } from "../../../../../../lib/use-action";
import { useLoad } from "../../../../../../lib/use-load";

type Settings = Awaited<ReturnType<typeof trpc.builds.settings.query>>;
type Builder = NonNullable<Settings["builder"]>;
const BUILDERS: Builder[] = ["dockerfile", "node", "python", "go", "static", "procfile"];
const TEXT_FIELDS = [
  { key: "buildDir", label: "Build directory", hint: "A folder of the repository to build instead of its root (monorepos).", placeholder: "services/api" },
  { key: "dockerfilePath", label: "Dockerfile path", hint: "Relative to the build directory.", placeholder: "deploy/Dockerfile" },
  { key: "installCommand", label: "Install command", hint: "Replaces the detected one.", placeholder: "npm ci" },
  { key: "buildCommand", label: "Build command", hint: "Runs after installing.", placeholder: "npm run build" },
  { key: "startCommand", label: "Start command", hint: "What the web process runs.", placeholder: "node dist/server.js" },
] as const;

/** Overrides of source detection; empty fields mean "detect it". They apply from the next push. */
export function BuildSettingsPanel({ tenant, app }: { tenant: string; app: string }) {
  const settings = useLoad(() => trpc.builds.settings.query({ tenant, app }));
  const me = useLoad(() => trpc.console.app.query({ tenant, app }));
  const canChange = me.data ? me.data.myRole !== "viewer" : false;
  const [saved, setSaved] = useState(false);
  const save = useFormAction(
    async (form) => {
      setSaved(false);
      const set: Record<string, unknown> = {};
      const unset: (keyof Settings)[] = [];
      const builder = String(form.get("builder") ?? "");
      if (builder) set.builder = builder;
      else unset.push("builder");
      for (const f of TEXT_FIELDS) {
        const v = String(form.get(f.key) ?? "").trim();
        if (v) set[f.key] = v;
        else unset.push(f.key);
      }
      const secrets = String(form.get("buildSecrets") ?? "")
        .split(/[\s,]+/)
        .filter(Boolean);
      if (secrets.length) set.buildSecrets = secrets;
      else unset.push("buildSecrets");
      await trpc.builds.setSettings.mutate({ tenant, app, set, unset });
      await settings.reload();
      setSaved(true);
      return true;
    },
    { resetOnSuccess: false },
  );

  return (
    <Section data={settings.data} error={settings.error} loading="Loading build settings…">
      {(s) => (
        <Card id="build-settings" title="Build settings">
          <p className="mt-1 text-sm text-slate-500">
            Berth detects how to build each push; set a field only to override it. Changes apply from the next push. What detection decided for a push is shown on its
            deployment.
          </p>
          <form onSubmit={save.onSubmit} className="mt-4 grid gap-4 sm:grid-cols-2" noValidate data-testid="build-settings-form">
            <label className={labelClass}>
              Builder
              <select name="builder" defaultValue={s.builder ?? ""} disabled={!canChange} className={inputClass}>
                <option value="">detect</option>
                {BUILDERS.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            {TEXT_FIELDS.map((f) => (
              <label key={f.key} className={labelClass}>
                {f.label}
                <input name={f.key} defaultValue={s[f.key] ?? ""} placeholder={f.placeholder} disabled={!canChange} className={`${inputClass} font-mono`} />
                <span className="mt-1 block text-xs font-normal text-slate-500">{f.hint}</span>
              </label>
            ))}
            <label className={`${labelClass} sm:col-span-2`}>
              Build secrets
              <input name="buildSecrets" defaultValue={(s.buildSecrets ?? []).join(" ")} placeholder="NPM_TOKEN" disabled={!canChange} className={`${inputClass} font-mono`} />
              <span className="mt-1 block text-xs font-normal text-slate-500">Names of config vars the build may read (separated by spaces).</span>
            </label>
            {canChange && (
              <div className="sm:col-span-2">
                <FormError message={save.error} testId="build-settings-error" />
                {saved && (
                  <p role="status" className="mb-2 text-sm text-emerald-700">
                    Saved. The next push builds with these settings.
                  </p>
                )}
                <SubmitButton pending={save.pending} label="Save build settings" pendingLabel="Saving…" />
              </div>
            )}
          </form>
        </Card>
      )}
    </Section>
  );
}
