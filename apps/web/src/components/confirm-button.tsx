"use client";

import { useState, type ReactNode } from "react";
import { dangerButtonClass, secondaryButtonClass } from "./form-styles";

/**
 * Anything destructive asks first, in the page (not a browser dialog, which phones render badly):
 * the first click shows what will happen and a confirm button; only that one acts.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending = false,
  testId,
  className = dangerButtonClass,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  pending?: boolean;
  testId?: string;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} onClick={() => setAsking(true)} data-testid={testId} disabled={pending}>
        {label}
      </button>
    );
  }
  return (
    <span role="alertdialog" aria-label="Confirm" className="inline-flex flex-wrap items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-2 py-1 text-sm text-amber-900">
      <span>{question}</span>
      <button
        type="button"
        className={dangerButtonClass}
        data-testid={testId ? `${testId}-confirm` : undefined}
        disabled={pending}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {pending ? "Working…" : confirmLabel}
      </button>
      <button type="button" className={secondaryButtonClass} onClick={() => setAsking(false)} disabled={pending}>
        Cancel
      </button>
    </span>
  );
}
