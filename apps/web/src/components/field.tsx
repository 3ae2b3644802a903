import type { ReactNode } from "react";
import { labelClass } from "./form-styles";

/**
 * A form control with its label above and an optional hint below. The control (children) carries
 * the same `id` itself, so the label stays tied to it and pages and tests can find it by label.
 */
export function Field({ id, label, hint, children }: { id: string; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
