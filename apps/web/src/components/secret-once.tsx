import { CopyButton } from "./copy-button";

/** A value Berth will not show again, with the warning and a copy button. */
export function SecretOnce({ title, value, hint, testId }: { title: string; value: string; hint: string; testId: string }) {
  return (
    <div className="rounded-xl border border-amber-200 bg-amber-50 p-4" role="status">
      <p className="text-sm font-medium text-amber-900">{title}</p>
      <p className="mt-1 text-xs text-amber-800">{hint}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
        <code data-testid={testId} className="block min-w-0 flex-1 break-all rounded-lg border border-amber-200 bg-white px-3 py-2 font-mono text-xs text-slate-900 select-all">
          {value}
        </code>
        <CopyButton value={value} testId={`${testId}-copy`} />
      </div>
    </div>
  );
}
