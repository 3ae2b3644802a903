/** The wordmark, one place for it. */
export function Brand() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-slate-900 text-sm text-white">
        B
      </span>
      Berth
    </span>
  );
}
