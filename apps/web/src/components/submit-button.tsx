import { primaryButtonClass } from "./form-styles";

/** A form's submit button that says what is happening while the action runs. */
export function SubmitButton({ pending, label, pendingLabel, className = "", testId }: { pending: boolean; label: string; pendingLabel: string; className?: string; testId?: string }) {
  return (
    <button type="submit" disabled={pending} data-testid={testId} className={`${primaryButtonClass} ${className}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}
