const TONE: Record<string, string> = {
  live: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  deploying: "bg-sky-50 text-sky-800 ring-sky-200",
  building: "bg-sky-50 text-sky-800 ring-sky-200",
  pushing: "bg-sky-50 text-sky-800 ring-sky-200",
  releasing: "bg-sky-50 text-sky-800 ring-sky-200",
  received: "bg-sky-50 text-sky-800 ring-sky-200",
  queued: "bg-sky-50 text-sky-800 ring-sky-200",
  running: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  crashed: "bg-red-50 text-red-800 ring-red-200",
  rejected: "bg-red-50 text-red-800 ring-red-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
  superseded: "bg-slate-100 text-slate-700 ring-slate-200",
  stopped: "bg-amber-50 text-amber-800 ring-amber-200",
  new: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** A status word with a colour that means the same thing on every page. */
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span data-testid={testId} data-status={status} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status] ?? TONE.new}`}>
      {status}
    </span>
  );
}
