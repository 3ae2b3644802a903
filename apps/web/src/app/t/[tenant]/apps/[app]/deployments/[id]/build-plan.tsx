/**
 * What source detection decided for a build. The builder owns the plan's shape and it may grow,
 * so known fields are shown plainly and the whole plan is one click away.
 */
export function BuildPlan({ plan }: { plan: unknown }) {
  const p = (plan && typeof plan === "object" ? plan : {}) as Record<string, unknown>;
  const known = ["provider", "kind", "language", "version", "startCommand", "port"].filter((k) => typeof p[k] === "string" || typeof p[k] === "number");
  const warnings = Array.isArray(p.warnings) ? p.warnings.filter((w): w is string => typeof w === "string") : [];
  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="build-plan">
      <p className="font-medium">Build plan</p>
      {known.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          {known.map((k) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="font-mono">{String(p[k])}</dd>
            </div>
          ))}
        </dl>
      )}
      {warnings.map((w) => (
        <p key={w} className="mt-1 text-xs text-amber-800">
          {w}
        </p>
      ))}
      <details className="mt-2">
        <summary className="cursor-pointer text-xs text-slate-600">Everything detection decided</summary>
        <pre className="mt-1 overflow-x-auto text-xs">{JSON.stringify(plan, null, 2)}</pre>
      </details>
    </div>
  );
}
