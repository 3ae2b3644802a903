import type { TGetHealthOutput } from "@berth/api/routers/platform/get-health.schema";
import { Fragment } from "react";

type Component = TGetHealthOutput["components"][number];

export function ComponentCard({ component }: { component: Component }) {
  const status = component.ok ? "ok" : "down";
  return (
    <article
      data-testid={`health-${component.name}`}
      data-status={status}
      className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-sm font-semibold text-slate-900">{component.label}</h2>
        <span
          className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${
            component.ok ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"
          }`}
        >
          <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${component.ok ? "bg-emerald-500" : "bg-red-500"}`} />
          {component.ok ? "Healthy" : "Down"}
        </span>
      </div>
      <p className="mt-2 text-sm leading-relaxed break-words text-slate-600">
        <WithCode text={component.reason} />
      </p>
      <p className="mt-auto pt-3 text-xs text-slate-400">{component.latencyMs} ms</p>
    </article>
  );
}

/** Reasons quote commands in backticks; show those as code the operator can copy. */
function WithCode({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8em] text-slate-800">
        {part}
      </code>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}
