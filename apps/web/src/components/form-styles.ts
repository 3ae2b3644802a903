/** One look for every console form, so pages stay consistent with the sign-in page. */
export const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-slate-500 focus:ring-2 focus:ring-slate-200";
export const labelClass = "block text-sm font-medium text-slate-700";
export const primaryButtonClass =
  "rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white shadow-sm transition hover:bg-slate-700 disabled:cursor-wait disabled:opacity-60";
export const secondaryButtonClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm transition hover:bg-slate-50 disabled:opacity-60";
export const dangerButtonClass =
  "rounded-lg border border-red-200 bg-white px-3 py-1.5 text-sm font-medium text-red-700 shadow-sm transition hover:bg-red-50 disabled:opacity-60";
export const cardClass = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send someone elsewhere. */
export function safeNextPath(next: string | null | undefined): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : null;
}
