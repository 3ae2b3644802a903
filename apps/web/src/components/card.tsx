import type { ReactNode } from "react";
import { cardClass } from "./form-styles";

/**
 * A titled panel. The heading names the section for screen readers (aria-labelledby), so tests
 * and assistive tech find it by role and name; `action` sits beside the heading (a button, a badge).
 */
export function Card({ id, title, action, className, testId, children }: { id: string; title: ReactNode; action?: ReactNode; className?: string; testId?: string; children?: ReactNode }) {
  const heading = (
    <h2 id={id} className="text-base font-semibold">
      {title}
    </h2>
  );
  return (
    <section className={className ? `${cardClass} ${className}` : cardClass} aria-labelledby={id} data-testid={testId}>
      {action === undefined ? (
        heading
      ) : (
        <div className="flex items-center justify-between gap-2">
          {heading}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}
