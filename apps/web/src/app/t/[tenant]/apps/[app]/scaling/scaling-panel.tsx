"use client";

import { ConfirmButton } from "../../../../../../components/confirm-button";
import { FormError } from "../../../../../../components/form-error";
import { cardClass, inputClass, secondaryButtonClass } from "../../../../../../components/form-styles";
import { Empty, Section } from "../../../../../../components/section-states";
import { StatusBadge } from "../../../../../../components/status-badge";
import { SubmitButton } from "../../../../../../components/submit-button";
import { formatAgo } from "../../../../../../lib/format";
import { PlainError, trpc } from "../../../../../../lib/trpc-client";
import { useAction, useFormAction } from "../../../../../../lib/use-action";
import { useLoad } from "../../../../../../lib/use-load";

type Process = Awaited<ReturnType<typeof trpc.processes.list.query>>["processes"][number];

/** Instances, CPU and memory per process type; restart, stop and start the app. */
export function ScalingPanel({ tenant, app }: { tenant: string; app: string }) {
  const ps = useLoad(() => trpc.processes.list.query({ tenant, app }), { refreshMs: 3000 });
  const me = useLoad(() => trpc.console.app.query({ tenant, app }));
  const canChange = me.data ? me.data.myRole !== "viewer" : false;
  const power = useAction(async (what: "stop" | "start" | "restart") => {
    if (what === "stop") await trpc.processes.stop.mutate({ tenant, app });
    else if (what === "start") await trpc.processes.start.mutate({ tenant, app });
    else await trpc.processes.restart.mutate({ tenant, app });
    await ps.reload();
  });

  return (
    <div className="space-y-6">
      <Section data={ps.data} error={ps.error} loading="Asking the runtime…">
        {(data) => (
          <>
            <section className={cardClass}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm">
                  State: <StatusBadge status={data.state === "running" ? "live" : data.state === "not-deployed" ? "new" : data.state} testId="runtime-state" />
                  {data.releaseVersion !== null && <span className="ml-2 text-slate-500">release v{data.releaseVersion}</span>}
                </p>
                {canChange && data.state !== "not-deployed" && (
                  <div className="flex flex-wrap gap-2">
                    <ConfirmButton label="Restart all" question="Restart every instance, one at a time?" confirmLabel="Restart" pending={power.pending} onConfirm={() => void power.run("restart")} className={secondaryButtonClass} testId="restart-app" />
                    {data.state === "stopped" ? (
                      <button type="button" className={secondaryButtonClass} disabled={power.pending} onClick={() => void power.run("start")} data-testid="start-app">
                        Start
                      </button>
                    ) : (
                      <ConfirmButton label="Stop" question="Stop every instance? The app stops answering until started." confirmLabel="Stop" pending={power.pending} onConfirm={() => void power.run("stop")} testId="stop-app" />
                    )}
                  </div>
                )}
              </div>
              {data.crash && (
                <p role="alert" className="mt-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
                  Crashed {formatAgo(data.crash.at)}: {data.crash.reason}
                </p>
              )}
              <FormError message={power.error} />
            </section>
            {data.processes.length === 0 ? (
              <Empty>No processes until the first release.</Empty>
            ) : (
              data.processes.map((p) => <ProcessCard key={p.type} tenant={tenant} app={app} process={p} canChange={canChange} onChanged={() => void ps.reload()} />)
            )}
          </>
        )}
      </Section>
    </div>
  );
}

function numberOrNull(raw: string, what: string): number | null {
  if (!raw.trim()) return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new PlainError(`${what}: enter a positive number, or leave it empty for no limit.`);
  return n;
}

function ProcessCard({ tenant, app, process: p, canChange, onChanged }: { tenant: string; app: string; process: Process; canChange: boolean; onChanged: () => void }) {
  const scale = useFormAction(
    async (form) => {
      const quantity = Number(form.get("quantity"));
      if (!Number.isInteger(quantity) || quantity < 0) throw new PlainError("Instances: a whole number, 0 or more.");
      await trpc.processes.scale.mutate({
        tenant,
        app,
        changes: [{ type: p.type, quantity, cpu: numberOrNull(String(form.get("cpu") ?? ""), "CPUs"), memoryMb: numberOrNull(String(form.get("memoryMb") ?? ""), "Memory") }],
      });
      onChanged();
      return true;
    },
    { resetOnSuccess: false },
  );
  return (
    <section className={cardClass} data-testid={`process-${p.type}`}>
      <h2 className="font-mono text-base font-semibold">
        {p.type} <span className="font-sans text-xs font-normal text-slate-500">{p.routed ? "gets web traffic" : "not routed"}</span>
      </h2>
      <p className="mt-1 break-all font-mono text-xs text-slate-500">{p.command ?? "the image's own command"}</p>
      {canChange ? (
        <form onSubmit={scale.onSubmit} className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end" noValidate>
          <label className="text-xs text-slate-600">
            Instances
            <input name="quantity" type="number" min={0} max={100} defaultValue={p.quantity} className={inputClass} data-testid={`quantity-${p.type}`} />
          </label>
          <label className="text-xs text-slate-600">
            CPUs each
            <input name="cpu" inputMode="decimal" defaultValue={p.cpu ?? ""} placeholder="no limit" className={inputClass} />
          </label>
          <label className="text-xs text-slate-600">
            Memory each (MB)
            <input name="memoryMb" inputMode="numeric" defaultValue={p.memoryMb ?? ""} placeholder="no limit" className={inputClass} />
          </label>
          <SubmitButton pending={scale.pending} label="Scale" pendingLabel="Scaling…" />
        </form>
      ) : (
        <p className="mt-2 text-sm">
          {p.quantity} instance(s) · CPU {p.cpu ?? "no limit"} · memory {p.memoryMb ? `${p.memoryMb} MB` : "no limit"}
        </p>
      )}
      <FormError message={scale.error} />
      <ul className="mt-3 divide-y divide-slate-100 text-sm">
        {p.instances.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="font-mono text-xs">{i.id}</span>
            <span className="text-xs text-slate-500">
              {i.releaseVersion ? `v${i.releaseVersion}` : ""} · {i.startedAt ? `started ${formatAgo(i.startedAt)}` : "not started"} · health {i.health}
            </span>
            <StatusBadge status={i.state} />
            {i.error && <span className="w-full text-xs text-red-700">{i.error}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
