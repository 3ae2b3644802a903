import type { ReactNode } from "react";
import { FormError } from "./form-error";

/** Loading, failed and empty, said the same way on every page. */
export function Loading({ what = "Loading…" }: { what?: string }) {
  return (
    <p className="mt-3 animate-pulse text-sm text-slate-500" role="status">
      {what}
    </p>
  );
}

export function Empty({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} className="mt-3 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
      {children}
    </div>
  );
}

/** Shows the error (if any), then loading until there is data, then the content. */
export function Section<T>({ data, error, children, loading }: { data: T | undefined; error: string | null; children: (data: T) => ReactNode; loading?: string }) {
  return (
    <>
      <FormError message={error} />
      {data === undefined ? !error && <Loading what={loading} /> : children(data)}
    </>
  );
}
