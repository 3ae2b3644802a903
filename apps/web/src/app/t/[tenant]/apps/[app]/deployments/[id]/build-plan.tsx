/**
 * What source detection decided for a build. The builder owns the plan's shape and it may grow,
 * so the fields known today are read defensively and the whole plan is one click away.
 */
export function BuildPlan({ plan }: { plan: unknown }) {
  const p = (plan && typeof plan === "object" ? plan : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const rows: [string, string][] = [];
  if (str(p.provider)) rows.push(["builder", `${p.provider}${str(p.reason) ? ` (${p.reason})` : ""}`]);
  if (str(p.buildDir)) rows.push(["directory", String(p.buildDir)]);
  for (const v of Array.isArray(p.versions) ? p.versions : []) {
    const ver = v as Record<string, unknown>;
    if (str(ver.name) && str(ver.used)) rows.push([String(ver.name), `${ver.used}${str(ver.source) ? ` (${ver.source})` : ""}`]);
  }
  const pm = p.packageManager as Record<string, unknown> | undefined;
  if (pm && str(pm.name)) rows.push(["packages", `${pm.name}${str(pm.source) ? ` (${pm.source})` : ""}`]);
  const commands = (p.commands ?? {}) as Record<string, unknown>;
  for (const k of ["install", "build", "start"]) if (str(commands[k])) rows.push([k, String(commands[k])]);
  if (typeof p.port === "number") rows.push(["port", String(p.port)]);
  const processTypes = p.processTypes && typeof p.processTypes === "object" ? Object.keys(p.processTypes) : [];
  if (processTypes.length) rows.push(["processes", processTypes.join(", ")]);
  if (Array.isArray(p.overrides) && p.overrides.length) rows.push(["overridden", p.overrides.join(", ")]);
  if (str(p.reusedFrom)) rows.push(["image", `reused from ${p.reusedFrom} (same source)`]);
  const warnings = Array.isArray(p.warnings) ? p.warnings.filter((w): w is string => typeof w === "string") : [];
  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="build-plan">
      <p className="font-medium">Build plan</p>
      {rows.length > 0 && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="break-all font-mono">{v}</dd>
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
