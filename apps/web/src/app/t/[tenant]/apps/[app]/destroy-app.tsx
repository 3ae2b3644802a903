"use client";

import { useState } from "react";
import { FormError } from "../../../../../components/form-error";
import { cardClass, dangerButtonClass, inputClass } from "../../../../../components/form-styles";
import { trpc } from "../../../../../lib/trpc-client";
import { useAction } from "../../../../../lib/use-action";

/** Deleting an app cannot be undone, so the name must be typed, as `berth apps:destroy --confirm` asks. */
export function DestroyApp({ tenant, app }: { tenant: string; app: string }) {
  const [typed, setTyped] = useState("");
  const destroy = useAction(async () => {
    await trpc.apps.destroy.mutate({ tenant, app, confirm: typed });
    window.location.assign(`/t/${encodeURIComponent(tenant)}/apps`);
    return true;
  });
  return (
    <section className={`${cardClass} border-red-200 lg:col-span-2`} aria-labelledby="danger">
      <h2 id="danger" className="text-base font-semibold text-red-800">
        Delete this app
      </h2>
      <p className="mt-1 text-sm text-slate-600">Stops serving it and removes its instances, releases, config vars and deployment history. This cannot be undone.</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
        <input aria-label="Type the app's name to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={app} className={`${inputClass} mt-0 font-mono sm:max-w-xs`} data-testid="destroy-confirm-name" />
        <button type="button" className={dangerButtonClass} disabled={typed !== app || destroy.pending} onClick={() => void destroy.run()} data-testid="destroy-app">
          {destroy.pending ? "Deleting…" : "Delete app"}
        </button>
      </div>
      <FormError message={destroy.error} />
    </section>
  );
}
